namespace SharedServices.Core.Persistence;

/// <summary>
/// The database's own refusal to change what has been invoiced: an issued invoice's terms, its lines, the activity
/// and instalments they bill, and activity once billed. The app never tries, so any attempt is a bug or someone
/// at the database by hand, and both should fail loudly. Only an issued invoice's running totals (credited, dispute,
/// version) may move. Created by the RechargeAndInvoices migration; InvoicePartiesAtIssue extends the invoice's to the
/// parties as issued. Change them only in a new migration, leaving what earlier migrations used as it was.
/// </summary>
internal static class IssuedInvoiceTriggers
{
    private static readonly string[] FixedOnIssue =
    [
        "Number", "Kind", "PartnershipId", "ProviderId", "RecipientId", "PeriodFrom", "PeriodTo", "PeriodLabel",
        "PaymentTermsDays", "PurchaseOrder", "CorrectsInvoiceId", "IssuedOn", "DueOn",
    ];

    /// <summary>
    /// The parties as issued (InvoicePartiesAtIssue migration): fixed on issue too, so the invoice's header never changes.
    /// Appended to <see cref="FixedOnIssue"/>, which stays as the RechargeAndInvoices migration used it.
    /// </summary>
    private static readonly string[] PartiesFixedOnIssue =
    [
        "ProviderName", "ProviderShortCode", "ProviderAddress", "ProviderPostcode", "ProviderVatRegistration",
        "ProviderBankAccountName", "ProviderSortCode", "ProviderAccountNumber", "ProviderRemittanceEmail",
        "RecipientName", "RecipientShortCode", "RecipientAddress", "RecipientPostcode", "RecipientVatRegistration",
    ];

    private static string[] FixedOnIssueWithParties => [.. FixedOnIssue, .. PartiesFixedOnIssue];

    private const string IssuedMessage = "has been issued and cannot be changed; correct it with a credit note or a supplementary invoice.";

    public static string SqliteUp => $"""
        {SqliteInvoiceFixed(FixedOnIssue)}

        CREATE TRIGGER "Invoices_IssuedNotDeleted" BEFORE DELETE ON "Invoices" WHEN OLD."Number" IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'Invoice {IssuedMessage}'); END;

        {SqliteLineTrigger("InvoiceLines_IssuedNoInsert", "INSERT", "InvoiceLines", "NEW", "(SELECT \"Number\" FROM \"Invoices\" WHERE \"Id\" = NEW.\"InvoiceId\")")}
        {SqliteLinesNoUpdate}
        {SqliteLineTrigger("InvoiceLines_IssuedNoDelete", "DELETE", "InvoiceLines", "OLD", "(SELECT \"Number\" FROM \"Invoices\" WHERE \"Id\" = OLD.\"InvoiceId\")")}
        {SqliteLinkTriggers("InvoiceLineActivity")}
        {SqliteLinkTriggers("InvoiceLineCorrections")}

        {SqliteActivityBilledFixed}

        CREATE TRIGGER "ActivityEntries_BilledNotDeleted" BEFORE DELETE ON "ActivityEntries" WHEN OLD."BilledOnInvoice" IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'This activity has been billed and cannot be deleted; correct it with a credit note.'); END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "Invoices_IssuedFixed";
        DROP TRIGGER IF EXISTS "Invoices_IssuedNotDeleted";
        DROP TRIGGER IF EXISTS "InvoiceLines_IssuedNoInsert";
        DROP TRIGGER IF EXISTS "InvoiceLines_IssuedNoUpdate";
        DROP TRIGGER IF EXISTS "InvoiceLines_IssuedNoDelete";
        DROP TRIGGER IF EXISTS "InvoiceLineActivity_IssuedNoInsert";
        DROP TRIGGER IF EXISTS "InvoiceLineActivity_IssuedNoUpdate";
        DROP TRIGGER IF EXISTS "InvoiceLineActivity_IssuedNoDelete";
        DROP TRIGGER IF EXISTS "InvoiceLineCorrections_IssuedNoInsert";
        DROP TRIGGER IF EXISTS "InvoiceLineCorrections_IssuedNoUpdate";
        DROP TRIGGER IF EXISTS "InvoiceLineCorrections_IssuedNoDelete";
        DROP TRIGGER IF EXISTS "ActivityEntries_BilledFixed";
        DROP TRIGGER IF EXISTS "ActivityEntries_BilledNotDeleted";
        """;

    private const string SqliteActivityBilledFixed = """
        CREATE TRIGGER "ActivityEntries_BilledFixed" BEFORE UPDATE ON "ActivityEntries" WHEN OLD."BilledOnInvoice" IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'This activity has been billed and cannot be changed; correct it with a credit note.'); END;
        """;

    private static string SqliteLinesNoUpdate =>
        SqliteLineTrigger("InvoiceLines_IssuedNoUpdate", "UPDATE", "InvoiceLines", "OLD", "(SELECT \"Number\" FROM \"Invoices\" WHERE \"Id\" = OLD.\"InvoiceId\")");

    /// <summary>
    /// For the ActivityListsOnLines migration, before the link table is dropped: each line's links become its list of
    /// activity ids, and each billed record learns its line. Issued rows are protected, so their triggers are
    /// lifted for these two statements only and put back as they were, inside the migration's transaction.
    /// </summary>
    public static string SqliteMoveLinksIntoLists => $"""
        DROP TRIGGER "InvoiceLines_IssuedNoUpdate";
        UPDATE "InvoiceLines" SET "ActivityIds" = (SELECT json_group_array(x."ActivityEntryId") FROM
            (SELECT a."ActivityEntryId" FROM "InvoiceLineActivity" a WHERE a."InvoiceLineId" = "InvoiceLines"."Id" ORDER BY a."ActivityEntryId") x),
            "ActivityRevisions" = (SELECT COALESCE(SUM(e."Version"), 0) FROM "InvoiceLineActivity" a JOIN "ActivityEntries" e ON e."Id" = a."ActivityEntryId"
                                   WHERE a."InvoiceLineId" = "InvoiceLines"."Id")
        WHERE EXISTS (SELECT 1 FROM "InvoiceLineActivity" a WHERE a."InvoiceLineId" = "InvoiceLines"."Id");
        {SqliteLinesNoUpdate}
        DROP TRIGGER "ActivityEntries_BilledFixed";
        UPDATE "ActivityEntries" SET "BilledOnLineId" = (SELECT a."InvoiceLineId" FROM "InvoiceLineActivity" a WHERE a."ActivityEntryId" = "ActivityEntries"."Id")
        WHERE "BilledOnInvoice" IS NOT NULL;
        {SqliteActivityBilledFixed}
        """;

    /// <inheritdoc cref="SqliteMoveLinksIntoLists"/>
    public const string PostgresMoveLinksIntoLists = """
        ALTER TABLE "InvoiceLines" DISABLE TRIGGER invoice_lines_issued;
        UPDATE "InvoiceLines" l SET "ActivityIds" = a.ids, "ActivityRevisions" = a.revisions
        FROM (SELECT k."InvoiceLineId", array_agg(k."ActivityEntryId" ORDER BY k."ActivityEntryId") AS ids, SUM(e."Version") AS revisions
              FROM "InvoiceLineActivity" k JOIN "ActivityEntries" e ON e."Id" = k."ActivityEntryId" GROUP BY k."InvoiceLineId") a
        WHERE a."InvoiceLineId" = l."Id";
        ALTER TABLE "InvoiceLines" ENABLE TRIGGER invoice_lines_issued;
        ALTER TABLE "ActivityEntries" DISABLE TRIGGER activity_billed_fixed;
        UPDATE "ActivityEntries" e SET "BilledOnLineId" = a."InvoiceLineId"
        FROM "InvoiceLineActivity" a WHERE a."ActivityEntryId" = e."Id" AND e."BilledOnInvoice" IS NOT NULL;
        ALTER TABLE "ActivityEntries" ENABLE TRIGGER activity_billed_fixed;
        """;

    private static string SqliteLineTrigger(string name, string operation, string table, string row, string numberOf) => $"""
        CREATE TRIGGER "{name}" BEFORE {operation} ON "{table}" WHEN {numberOf} IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'Invoice {IssuedMessage}'); END;
        """;

    private static string SqliteLinkTriggers(string table)
    {
        string NumberVia(string row) =>
            $"(SELECT i.\"Number\" FROM \"InvoiceLines\" l JOIN \"Invoices\" i ON i.\"Id\" = l.\"InvoiceId\" WHERE l.\"Id\" = {row}.\"InvoiceLineId\")";
        return string.Join("\n", new[] { ("Insert", "INSERT", "NEW"), ("Update", "UPDATE", "OLD"), ("Delete", "DELETE", "OLD") }
            .Select(t => SqliteLineTrigger($"{table}_IssuedNo{t.Item1}", t.Item2, table, t.Item3, NumberVia(t.Item3))));
    }

    private static string SqliteInvoiceFixed(string[] columns) => $"""
        CREATE TRIGGER "Invoices_IssuedFixed" BEFORE UPDATE ON "Invoices"
        WHEN OLD."Number" IS NOT NULL AND ({string.Join(" OR ", columns.Select(c => $"NEW.\"{c}\" IS NOT OLD.\"{c}\""))})
        BEGIN SELECT RAISE(ABORT, 'Invoice {IssuedMessage}'); END;
        """;

    private static string PostgresInvoiceFunction(string create, string[] columns) => $"""
        {create} FUNCTION refuse_issued_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' OR ({string.Join(", ", columns.Select(c => $"NEW.\"{c}\""))})
               IS DISTINCT FROM ({string.Join(", ", columns.Select(c => $"OLD.\"{c}\""))}) THEN
            RAISE EXCEPTION 'Invoice % {IssuedMessage}', OLD."Number";
          END IF;
          RETURN NEW;
        END $$;
        """;

    /// <summary>
    /// Issued invoices already in the database take their parties from the organisations as they are now: the best
    /// record there is of what was sent. One statement for both databases.
    /// </summary>
    private const string BackfillParties = """
        UPDATE "Invoices" SET
          "ProviderName" = p."Name", "ProviderShortCode" = p."ShortCode", "ProviderAddress" = p."Address",
          "ProviderPostcode" = p."Postcode", "ProviderVatRegistration" = p."VatRegistration",
          "ProviderBankAccountName" = p."BankAccountName", "ProviderSortCode" = p."SortCode",
          "ProviderAccountNumber" = p."AccountNumber", "ProviderRemittanceEmail" = p."RemittanceEmail",
          "RecipientName" = r."Name", "RecipientShortCode" = r."ShortCode", "RecipientAddress" = r."Address",
          "RecipientPostcode" = r."Postcode", "RecipientVatRegistration" = r."VatRegistration"
        FROM "Organisations" p, "Organisations" r
        WHERE p."Id" = "Invoices"."ProviderId" AND r."Id" = "Invoices"."RecipientId" AND "Invoices"."Number" IS NOT NULL;
        """;

    /// <summary>
    /// For the InvoicePartiesAtIssue migration, once the parties' columns are added: issued invoices are filled in
    /// with the invoice trigger lifted for that statement only, then the trigger is put back guarding the new columns too.
    /// </summary>
    public static string SqlitePartiesUp => $"""
        DROP TRIGGER "Invoices_IssuedFixed";
        {BackfillParties}
        {SqliteInvoiceFixed(FixedOnIssueWithParties)}
        """;

    /// <summary>
    /// Puts the invoice trigger back as the RechargeAndInvoices migration made it, then drops the parties' columns in
    /// place. Not by EF Core's table rebuild: that would take the invoice's triggers with the table, and the lines'
    /// triggers, which read "Invoices", would stop the rebuilt table being renamed into place.
    /// </summary>
    public static string SqlitePartiesDown => $"""
        DROP TRIGGER "Invoices_IssuedFixed";
        {SqliteInvoiceFixed(FixedOnIssue)}
        {string.Join("\n", PartiesFixedOnIssue.Select(c => $"ALTER TABLE \"Invoices\" DROP COLUMN \"{c}\";"))}
        """;

    /// <inheritdoc cref="SqlitePartiesUp"/>
    public static string PostgresPartiesUp => $"""
        ALTER TABLE "Invoices" DISABLE TRIGGER invoices_issued_fixed;
        {BackfillParties}
        ALTER TABLE "Invoices" ENABLE TRIGGER invoices_issued_fixed;
        {PostgresInvoiceFunction("CREATE OR REPLACE", FixedOnIssueWithParties)}
        """;

    /// <inheritdoc cref="SqlitePartiesDown"/>
    public static string PostgresPartiesDown => PostgresInvoiceFunction("CREATE OR REPLACE", FixedOnIssue);

    public static string PostgresUp => $"""
        {PostgresInvoiceFunction("CREATE", FixedOnIssue)}
        CREATE TRIGGER invoices_issued_fixed BEFORE UPDATE OR DELETE ON "Invoices"
          FOR EACH ROW WHEN (OLD."Number" IS NOT NULL) EXECUTE FUNCTION refuse_issued_invoice_change();

        CREATE FUNCTION refuse_issued_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE number text;
        BEGIN
          IF TG_TABLE_NAME = 'InvoiceLines' THEN
            SELECT i."Number" INTO number FROM "Invoices" i
              WHERE i."Id" = OLD."InvoiceId";
          ELSE
            SELECT i."Number" INTO number FROM "InvoiceLines" l JOIN "Invoices" i ON i."Id" = l."InvoiceId"
              WHERE l."Id" = OLD."InvoiceLineId";
          END IF;
          IF number IS NOT NULL THEN
            RAISE EXCEPTION 'Invoice % {IssuedMessage}', number;
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$;
        CREATE TRIGGER invoice_lines_issued BEFORE UPDATE OR DELETE ON "InvoiceLines"
          FOR EACH ROW EXECUTE FUNCTION refuse_issued_line_change();
        CREATE TRIGGER invoice_line_activity_issued BEFORE UPDATE OR DELETE ON "InvoiceLineActivity"
          FOR EACH ROW EXECUTE FUNCTION refuse_issued_line_change();
        CREATE TRIGGER invoice_line_corrections_issued BEFORE UPDATE OR DELETE ON "InvoiceLineCorrections"
          FOR EACH ROW EXECUTE FUNCTION refuse_issued_line_change();

        -- Rows added: checked once per statement over all the new rows, because a year's run adds a million links
        -- in one COPY and a check per row would cost more than the run.
        CREATE FUNCTION refuse_rows_added_to_issued() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE number text;
        BEGIN
          IF TG_TABLE_NAME = 'InvoiceLines' THEN
            SELECT i."Number" INTO number FROM new_rows n JOIN "Invoices" i ON i."Id" = n."InvoiceId" WHERE i."Number" IS NOT NULL LIMIT 1;
          ELSE
            SELECT i."Number" INTO number FROM new_rows n JOIN "InvoiceLines" l ON l."Id" = n."InvoiceLineId"
              JOIN "Invoices" i ON i."Id" = l."InvoiceId" WHERE i."Number" IS NOT NULL LIMIT 1;
          END IF;
          IF number IS NOT NULL THEN
            RAISE EXCEPTION 'Invoice % {IssuedMessage}', number;
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER invoice_lines_added AFTER INSERT ON "InvoiceLines"
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_rows_added_to_issued();
        CREATE TRIGGER invoice_line_activity_added AFTER INSERT ON "InvoiceLineActivity"
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_rows_added_to_issued();
        CREATE TRIGGER invoice_line_corrections_added AFTER INSERT ON "InvoiceLineCorrections"
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_rows_added_to_issued();

        CREATE FUNCTION refuse_billed_activity_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'This activity has been billed on invoice % and cannot be changed or deleted; correct it with a credit note.', OLD."BilledOnInvoice";
        END $$;
        CREATE TRIGGER activity_billed_fixed BEFORE UPDATE OR DELETE ON "ActivityEntries"
          FOR EACH ROW WHEN (OLD."BilledOnInvoice" IS NOT NULL) EXECUTE FUNCTION refuse_billed_activity_change();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS activity_billed_fixed ON "ActivityEntries";
        DROP FUNCTION IF EXISTS refuse_billed_activity_change();
        DROP TRIGGER IF EXISTS invoice_line_corrections_added ON "InvoiceLineCorrections";
        DROP TRIGGER IF EXISTS invoice_line_activity_added ON "InvoiceLineActivity";
        DROP TRIGGER IF EXISTS invoice_lines_added ON "InvoiceLines";
        DROP FUNCTION IF EXISTS refuse_rows_added_to_issued();
        DROP TRIGGER IF EXISTS invoice_line_corrections_issued ON "InvoiceLineCorrections";
        DROP TRIGGER IF EXISTS invoice_line_activity_issued ON "InvoiceLineActivity";
        DROP TRIGGER IF EXISTS invoice_lines_issued ON "InvoiceLines";
        DROP FUNCTION IF EXISTS refuse_issued_line_change();
        DROP TRIGGER IF EXISTS invoices_issued_fixed ON "Invoices";
        DROP FUNCTION IF EXISTS refuse_issued_invoice_change();
        """;
}
