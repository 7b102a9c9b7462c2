using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Activity;

namespace SharedServices.Core.Activity;

/// <summary>
/// Writes imported activity rows inside the import's transaction as fast as each database allows: one prepared
/// INSERT reused for every row on SQLite, a binary COPY on PostgreSQL. EF Core's change tracker would hold every row
/// and send them in small batches, several times slower; rows here are written as they are read and then forgotten,
/// so memory stays flat however long the file. The columns are those of <c>ActivityConfiguration</c>; the import
/// tests read every written row back through EF Core on both databases, so a drift between the two would fail them.
/// </summary>
public abstract class ActivityBulkWriter : IAsyncDisposable
{
    protected const string Columns =
        "\"TradedServiceId\", \"FromDate\", \"ToDate\", \"Quantity\", \"Unit\", \"ActualCost\", \"Description\", \"Reference\", " +
        "\"EnteredBy\", \"EnteredAtUtc\", \"ImportId\", \"IsIllustrative\", \"Version\", \"ImportRow\"";

    private protected ActivityBulkWriter() { }

    public int Written { get; private set; }

    public static async Task<ActivityBulkWriter> StartAsync(SharedServicesDbContext db, CancellationToken cancel)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Activity is only written inside the import's transaction.");
        return connection switch
        {
            NpgsqlConnection postgres => new PostgresWriter(await postgres.BeginBinaryImportAsync(
                $"COPY \"ActivityEntries\" ({Columns}) FROM STDIN (FORMAT BINARY)", cancel)),
            SqliteConnection sqlite => new SqliteWriter(sqlite, (SqliteTransaction)transaction),
            _ => throw new NotSupportedException($"No bulk writer for {connection.GetType().Name}."),
        };
    }

    public async ValueTask WriteAsync(ActivityEntry entry, CancellationToken cancel)
    {
        await WriteRowAsync(entry, cancel);
        Written++;
    }

    protected abstract ValueTask WriteRowAsync(ActivityEntry entry, CancellationToken cancel);

    /// <summary>Finishes writing; rows not completed are discarded when the transaction rolls back.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken cancel);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteWriter : ActivityBulkWriter
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _values;

        public SqliteWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _values = Enumerable.Range(0, 14).Select(i => _insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
            _insert.CommandText = $"INSERT INTO \"ActivityEntries\" ({Columns}) VALUES ({string.Join(", ", _values.Select(v => v.ParameterName))})";
            _insert.Prepare();
        }

        protected override async ValueTask WriteRowAsync(ActivityEntry e, CancellationToken cancel)
        {
            var d = e.Details;
            // The text forms are EF Core's own for SQLite, so EF reads these rows exactly as it reads its own.
            _values[0].Value = e.TradedServiceId;
            _values[1].Value = d.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _values[2].Value = d.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _values[3].Value = d.Quantity is { } q ? q.ToString("0.0###########################", CultureInfo.InvariantCulture) : DBNull.Value;
            _values[4].Value = (object?)d.Unit ?? DBNull.Value;
            _values[5].Value = d.ActualCost is { } cost ? cost.Pence : DBNull.Value;
            _values[6].Value = (object?)d.Description ?? DBNull.Value;
            _values[7].Value = (object?)d.Reference ?? DBNull.Value;
            _values[8].Value = e.EnteredBy;
            _values[9].Value = e.EnteredAtUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            _values[10].Value = (object?)e.ImportId ?? DBNull.Value;
            _values[11].Value = e.IsIllustrative ? 1 : 0;
            _values[12].Value = 0;
            _values[13].Value = (object?)e.ImportRow ?? DBNull.Value;
            await _insert.ExecuteNonQueryAsync(cancel);
        }

        public override ValueTask CompleteAsync(CancellationToken cancel) => ValueTask.CompletedTask;

        public override ValueTask DisposeAsync() => _insert.DisposeAsync();
    }

    private sealed class PostgresWriter(NpgsqlBinaryImporter copy) : ActivityBulkWriter
    {
        protected override async ValueTask WriteRowAsync(ActivityEntry e, CancellationToken cancel)
        {
            var d = e.Details;
            await copy.StartRowAsync(cancel);
            await copy.WriteAsync(e.TradedServiceId, NpgsqlDbType.Integer, cancel);
            await copy.WriteAsync(d.From, NpgsqlDbType.Date, cancel);
            await copy.WriteAsync(d.To, NpgsqlDbType.Date, cancel);
            await WriteOrNull(d.Quantity, NpgsqlDbType.Numeric, cancel);
            await WriteOrNull(d.Unit, NpgsqlDbType.Varchar, cancel);
            await WriteOrNull(d.ActualCost?.Pence, NpgsqlDbType.Bigint, cancel);
            await WriteOrNull(d.Description, NpgsqlDbType.Varchar, cancel);
            await WriteOrNull(d.Reference, NpgsqlDbType.Varchar, cancel);
            await copy.WriteAsync(e.EnteredBy, NpgsqlDbType.Varchar, cancel);
            await copy.WriteAsync(e.EnteredAtUtc, NpgsqlDbType.TimestampTz, cancel);
            await WriteOrNull(e.ImportId, NpgsqlDbType.Integer, cancel);
            await copy.WriteAsync(e.IsIllustrative, NpgsqlDbType.Boolean, cancel);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, cancel);
            await WriteOrNull(e.ImportRow, NpgsqlDbType.Integer, cancel);
        }

        private async Task WriteOrNull<T>(T? value, NpgsqlDbType type, CancellationToken cancel)
        {
            if (value is null) await copy.WriteNullAsync(cancel);
            else await copy.WriteAsync(value, type, cancel);
        }

        public override async ValueTask CompleteAsync(CancellationToken cancel) => await copy.CompleteAsync(cancel);

        public override ValueTask DisposeAsync() => copy.DisposeAsync();
    }
}
