namespace SharedServices.Core.Persistence;

/// <summary>
/// The database's own refusal to change or delete an audit entry: the trail is append-only. The app never tries (no
/// page, use case or command changes an entry), so any attempt is someone at the database by hand or a bug, and it
/// fails loudly. Created by the AuditTrail migration; change only in a new migration.
/// </summary>
internal static class AuditTriggers
{
    public const string Refusal = "The audit trail is append-only: an entry cannot be changed or deleted.";

    public const string SqliteUp = $"""
        CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
        CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate";
        DROP TRIGGER IF EXISTS "AuditEntries_NoDelete";
        """;

    // TRUNCATE has its own statement-level trigger: it would otherwise empty the table without a row trigger firing.
    public const string PostgresUp = $"""
        CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '{Refusal}';
        END $$;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
          FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_entries_append_only ON "AuditEntries";
        DROP FUNCTION IF EXISTS refuse_audit_change();
        """;
}
