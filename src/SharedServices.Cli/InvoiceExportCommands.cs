using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices invoices export` (each issued invoice's workbook into a folder) and `invoices register` (the
/// register workbook), for a month-end script. A file is written beside its final name and moved into place, so an
/// interrupted export never leaves half a workbook under an invoice's name.
/// </summary>
internal static class InvoiceExportCommands
{
    public static Command Export(CliEnvironment environment)
    {
        var outDir = ParsedOptions.RequiredText("--out", "The folder to write the workbooks into (created if need be); a workbook already there for the same number is replaced");
        var run = ParsedOptions.Id("--run", "Only the issued invoices this recharge run drafted (its id, as `recharge run --json` prints)");
        var invoice = new Option<string?>("--invoice") { Description = "Only this issued invoice or credit note, e.g. SCC-2013/14-0001" };
        var common = new CommonOptions();
        var export = new Command("export",
            "Write issued invoices' Excel workbooks into a folder, each named by its number (SCC-2013-14-0001.xlsx). " +
            "With --run, that run's issued invoices; with --invoice, that one; with neither, every issued invoice and credit note. Drafts have no workbook.")
        {
            outDir, run, invoice,
        };
        common.AddTo(export);
        export.Validators.Add(result =>
        {
            // Whether each was given, not its value: reading a value that failed to parse (--run abc) throws here, mid-parse,
            // before the parse error can be reported as a usage error.
            if (result.GetResult(run) is not null && result.GetResult(invoice) is not null)
                result.AddError("--run and --invoice: give one or the other, not both.");
        });
        export.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var exports = database.Get<InvoiceExports>();
            IReadOnlyList<IssuedInvoice> chosen;
            if (parse.GetValue(run) is { } runId)
            {
                try
                {
                    chosen = (await exports.IssuedOfRunAsync(runId, cancel)).Invoices;
                }
                catch (DomainException ex)
                {
                    throw new CliException($"--run: {ex.Message}", ExitCodes.Failed);
                }
                if (chosen.Count == 0) throw new CliException($"--run: recharge run {runId} has no issued invoices yet: issue its drafts first.", ExitCodes.Failed);
            }
            else if (parse.GetValue(invoice) is { } number)
            {
                chosen = await exports.IssuedAsync(number, cancel);
                if (chosen.Count == 0) throw new CliException($"--invoice: no issued invoice or credit note has the number \"{number}\".", ExitCodes.Failed);
            }
            else
            {
                chosen = await exports.IssuedAsync(cancel: cancel);
            }

            var folder = OutputFolder(parse.GetValue(outDir)!);
            var workbooks = database.Get<InvoiceWorkbooks>();
            var written = new List<(string Number, string Path)>();
            foreach (var issued in chosen)
            {
                var path = Path.Combine(folder, InvoiceWorkbook.FileName(issued.Number));
                await WriteAtomicallyAsync(path, "--out", stream => workbooks.WriteAsync(issued.Id, stream, cancel));
                written.Add((issued.Number, path));
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new { Folder = folder, Count = written.Count, Files = written.Select(w => new { w.Number, w.Path }) });
            else if (written.Count == 0)
                output.WriteLine("No invoice has been issued yet, so there is no workbook to write.");
            else
            {
                output.WriteLine($"Wrote {written.Count:N0} workbook{(written.Count == 1 ? "" : "s")} to {folder}:");
                foreach (var (number, path) in written) output.WriteLine($"  {number}  {Path.GetFileName(path)}");
            }
            return ExitCodes.Ok;
        });
        return export;
    }

    public static Command Register(CliEnvironment environment)
    {
        var outFile = ParsedOptions.RequiredText("--out", "The .xlsx file to write (its folder is created if need be; a file already there is replaced)");
        var filters = new InvoiceFilterOptions();
        var common = new CommonOptions();
        var register = new Command("register",
            "Write the invoice register workbook: one row per invoice or credit note the filters match, totals as formulas; streamed, so any size.");
        register.Options.Add(outFile);
        filters.AddTo(register);
        common.AddTo(register);
        register.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            await using var db = await database.Get<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync(cancel);
            var filter = await filters.ReadAsync(parse, db, cancel);
            var on = parse.GetValue(filters.AsOf) ?? environment.Clock.Today();
            var path = Path.GetFullPath(parse.GetValue(outFile)!);
            if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new CliException($"--out: name the file .xlsx, e.g. register.xlsx (not \"{Path.GetFileName(path)}\").", ExitCodes.Usage);
            OutputFolder(Path.GetDirectoryName(path)!);
            InvoiceRegisterTotals totals = null!;
            await WriteAtomicallyAsync(path, "--out", async stream => totals = await database.Get<InvoiceExports>().WriteRegisterAsync(filter, on, stream, cancel));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new
                {
                    File = path, AsOf = on, totals.Rows, NetPence = totals.Net.Pence, VatPence = totals.Vat.Pence, GrossPence = totals.Gross.Pence,
                    PaidPence = totals.Paid.Pence, CreditedPence = totals.Credited.Pence, OutstandingPence = totals.Outstanding.Pence,
                    CreditNotes = totals.CreditNotes.Count, CreditNotesGrossPence = totals.CreditNotes.Gross.Pence,
                    Drafts = totals.Drafts.Count, DraftsGrossPence = totals.Drafts.Gross.Pence,
                });
            else
                output.WriteLine($"Wrote the register of {totals.Rows:N0} invoice{(totals.Rows == 1 ? "" : "s")} to {path}: {totals.Gross} gross issued, {totals.Outstanding} outstanding on {DateText.Long(on)}.");
            return ExitCodes.Ok;
        });
        return register;
    }

    /// <summary>The folder, made if it is missing; a clear --out message when it cannot be.</summary>
    private static string OutputFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliException($"--out: cannot write to {full}: {ex.Message}", ExitCodes.Failed);
        }
        return full;
    }

    /// <summary>Writes <paramref name="path"/> through a temporary file beside it, moved into place once whole.</summary>
    private static async Task WriteAtomicallyAsync(string path, string option, Func<Stream, Task> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous))
                await write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option}: cannot write {path}: {ex.Message}", ExitCodes.Failed);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

/// <summary>The filters `invoices list` and `invoices register` share, read into an <see cref="InvoiceFilter"/>.</summary>
internal sealed class InvoiceFilterOptions
{
    public Option<string?> Partnership { get; } = new("--partnership") { Description = "Only this partnership's invoices (its code)" };
    public Option<string?> Organisation { get; } = new("--organisation") { Description = "Only invoices to or from this organisation (its short code)" };
    public Option<InvoiceStatus?> Status { get; } = ParsedOptions.Enum<InvoiceStatus>("--status", "Only invoices with this status");
    public Option<bool> Overdue { get; } = new("--overdue") { Description = "Only invoices past their due date with money outstanding" };
    public Option<DateOnly?> AsOf { get; } = ParsedOptions.Date("--as-of", "The day to judge overdue by; default today");

    public void AddTo(Command command)
    {
        command.Options.Add(Partnership);
        command.Options.Add(Organisation);
        command.Options.Add(Status);
        command.Options.Add(Overdue);
        command.Options.Add(AsOf);
    }

    public async Task<InvoiceFilter> ReadAsync(ParseResult parse, SharedServicesDbContext db, CancellationToken cancel)
    {
        int? partnershipId = parse.GetValue(Partnership) is { } code
            ? await db.Partnerships.Where(p => p.Code == code).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancel)
              ?? throw new CliException($"--partnership: no partnership has the code \"{code}\".", ExitCodes.Failed)
            : null;
        int? organisationId = parse.GetValue(Organisation) is { } shortCode
            ? await InvoicesCommand.OrganisationIdAsync(db, shortCode, "--organisation", cancel)
            : null;
        return new InvoiceFilter(organisationId, partnershipId, Status: parse.GetValue(Status), OverdueOnly: parse.GetValue(Overdue));
    }
}
