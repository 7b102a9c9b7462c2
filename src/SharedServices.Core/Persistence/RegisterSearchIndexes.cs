namespace SharedServices.Core.Persistence;

/// <summary>
/// The indexes behind the register's search (see <see cref="Partnerships.RegisterSearch"/>): the names of
/// partnerships, organisations and traded services, indexed for "contains" so a search need not read every row.
/// Created by the RegisterSearchIndex migration; change only in a new migration.
/// <para>
/// SQLite: one FTS5 table per searched name, with the <c>trigram</c> tokenizer (a quoted phrase of trigrams matches
/// any substring of three or more characters, whatever the case). Each row's rowid is its source row's id. Triggers on
/// the source tables keep them in step, so every way of writing (EF saves, ExecuteUpdate, seed loading, imports, a
/// person with the sqlite3 shell) keeps the search right without the app remembering to. Beware: a later migration
/// that makes EF rebuild one of the three tables (SQLite cannot alter a column in place) drops its triggers with the
/// old table, and must create them again (<see cref="SqliteTriggers"/>); RegisterSearchTests find a rename at once, so
/// they would fail.
/// </para>
/// <para>
/// PostgreSQL: <c>pg_trgm</c> GIN indexes on the same three names, which serve <c>ILIKE '%…%'</c> directly, so no
/// copy of the names is kept and nothing needs keeping in step.
/// </para>
/// Raw SQL rather than EF's model: the model is shared by both providers, and neither an FTS5 table nor an operator
/// class is something the other provider could create.
/// </summary>
internal static class RegisterSearchIndexes
{
    /// <summary>Each searched name: its source table, and the FTS5 table that indexes it on SQLite.</summary>
    private static readonly (string Source, string Index)[] Names =
    [
        ("Partnerships", "PartnershipNameSearch"),
        ("Organisations", "OrganisationNameSearch"),
        ("TradedServices", "ServiceNameSearch"),
    ];

    public static string SqliteUp => string.Join("\n", Names.Select(n => $"""
        CREATE VIRTUAL TABLE "{n.Index}" USING fts5("Name", tokenize = 'trigram');
        INSERT INTO "{n.Index}"(rowid, "Name") SELECT "Id", "Name" FROM "{n.Source}";
        """)) + "\n" + SqliteTriggers;

    /// <summary>The triggers alone, for a migration that has rebuilt a source table.</summary>
    public static string SqliteTriggers => string.Join("\n", Names.Select(n => $"""
        CREATE TRIGGER "{n.Source}_Search_Insert" AFTER INSERT ON "{n.Source}"
        BEGIN INSERT INTO "{n.Index}"(rowid, "Name") VALUES (new."Id", new."Name"); END;
        CREATE TRIGGER "{n.Source}_Search_Update" AFTER UPDATE OF "Id", "Name" ON "{n.Source}"
        BEGIN
          DELETE FROM "{n.Index}" WHERE rowid = old."Id";
          INSERT INTO "{n.Index}"(rowid, "Name") VALUES (new."Id", new."Name");
        END;
        CREATE TRIGGER "{n.Source}_Search_Delete" AFTER DELETE ON "{n.Source}"
        BEGIN DELETE FROM "{n.Index}" WHERE rowid = old."Id"; END;
        """));

    public static string SqliteDown => string.Join("\n", Names.Select(n => $"""
        DROP TRIGGER IF EXISTS "{n.Source}_Search_Insert";
        DROP TRIGGER IF EXISTS "{n.Source}_Search_Update";
        DROP TRIGGER IF EXISTS "{n.Source}_Search_Delete";
        DROP TABLE IF EXISTS "{n.Index}";
        """));

    // The test command starts a fresh cluster each time, so the migration creates the extension itself (it ships
    // with PostgreSQL's contrib package; creating it needs a role allowed to, which the app's owner role is).
    public static string PostgresUp => "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n" + string.Join("\n", Names.Select(n => $"""
        CREATE INDEX "IX_{n.Source}_Name_Trigram" ON "{n.Source}" USING gin ("Name" gin_trgm_ops);
        """));

    // The extension stays: something else in the database may have come to use it, and unused it costs nothing.
    public static string PostgresDown => string.Join("\n", Names.Select(n => $"""
        DROP INDEX IF EXISTS "IX_{n.Source}_Name_Trigram";
        """));
}
