using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Core.Recharging;

/// <summary>
/// Writes which activity each drafted line bills, inside the run's transaction: a prepared insert reused for every
/// row on SQLite, a binary COPY on PostgreSQL. A year's run can bill a million activity records; EF Core would add
/// them one entity at a time. The unique index on the activity id still refuses any record billed twice.
/// </summary>
internal static class LineActivityWriter
{
    private const string Insert = "INSERT INTO \"InvoiceLineActivity\" (\"InvoiceLineId\", \"ActivityEntryId\") VALUES ($line, $activity)";
    private const string Copy = "COPY \"InvoiceLineActivity\" (\"InvoiceLineId\", \"ActivityEntryId\") FROM STDIN (FORMAT BINARY)";

    public static async Task WriteAsync(SharedServicesDbContext db, IEnumerable<(InvoiceLine Line, IReadOnlyList<int> ActivityIds)> lines, CancellationToken cancel)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Billed activity is only written inside the run's transaction.");
        if (connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync(Copy, cancel);
            foreach (var (line, ids) in lines)
                foreach (var id in ids)
                {
                    await copy.StartRowAsync(cancel);
                    await copy.WriteAsync(line.Id, NpgsqlDbType.Integer, cancel);
                    await copy.WriteAsync(id, NpgsqlDbType.Integer, cancel);
                }
            await copy.CompleteAsync(cancel);
            return;
        }
        await using var insert = ((SqliteConnection)connection).CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = Insert;
        var lineId = insert.Parameters.Add(new SqliteParameter { ParameterName = "$line" });
        var activityId = insert.Parameters.Add(new SqliteParameter { ParameterName = "$activity" });
        insert.Prepare();
        foreach (var (line, ids) in lines)
            foreach (var id in ids)
            {
                lineId.Value = line.Id;
                activityId.Value = id;
                await insert.ExecuteNonQueryAsync(cancel);
            }
    }
}
