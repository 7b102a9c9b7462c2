using System.Globalization;
using SharedServices.Core;
using SharedServices.Core.Invoicing;
using SharedServices.Domain;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Web.Components.Features.KeyDates;

namespace SharedServices.Web.Components.Features.Invoices;

/// <summary>
/// The invoices as files: an issued invoice's Excel workbook (a draft or an unknown id answers 404), a recharge run's
/// issued invoices as a zip (404 for an unknown run or one with nothing issued), and the register, aged debt and
/// settlement statement as workbooks for the choices on their pages. A bad parameter is named, never echoed.
/// </summary>
public static class InvoiceDownloads
{
    public const string RegisterPath = "/invoices/register.xlsx";
    public const string AgedDebtPath = "/invoices/aged-debt.xlsx";
    public const string SettlementPath = "/invoices/settlement.xlsx";

    public static string WorkbookLink(int invoiceId) => $"/invoices/{invoiceId}/workbook.xlsx";

    public static string RunZipLink(int runId) => $"/recharges/runs/{runId}/invoices.zip";

    /// <summary>The register for the /invoices page's filters (0 and -1 mean "any", as on the page).</summary>
    public static string RegisterLink(int organisationId, int partnershipId, InvoiceStatus? status, bool overdueOnly)
    {
        var query = new List<string>();
        if (organisationId != 0) query.Add($"organisation={organisationId}");
        if (partnershipId != 0) query.Add($"partnership={partnershipId}");
        if (status is { } s) query.Add($"status={s}");
        if (overdueOnly) query.Add("overdue=true");
        return query.Count == 0 ? RegisterPath : $"{RegisterPath}?{string.Join('&', query)}";
    }

    public static string AgedDebtLink(DateOnly asOf, int providerId) =>
        $"{AgedDebtPath}?asOf={asOf:yyyy-MM-dd}" + (providerId == 0 ? "" : $"&provider={providerId}");

    public static string SettlementLink(int a, int b, RechargePeriod period) =>
        $"{SettlementPath}?a={a}&b={b}&period={Uri.EscapeDataString(period?.Code ?? "")}";

    public static void MapInvoiceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/invoices/{id:int}/workbook.xlsx", async (int id, InvoiceWorkbooks workbooks, CancellationToken cancel) =>
        {
            var stream = new MemoryStream();
            string name;
            try
            {
                name = await workbooks.WriteAsync(id, stream, cancel);
            }
            catch (DomainException)
            {
                // No such invoice, or a draft: neither has a workbook to send.
                return Results.NotFound("There is no issued invoice with that number, so there is no workbook to download.");
            }
            stream.Position = 0;
            return Results.File(stream, InvoiceExports.WorkbookContentType, name);
        });

        app.MapGet("/recharges/runs/{id:int}/invoices.zip", async (int id, InvoiceExports exports, CancellationToken cancel) =>
        {
            // Built in memory, so that a refusal is a 404 rather than a broken half-sent file: a run's invoices are
            // tens of small workbooks, not a register.
            var stream = new MemoryStream();
            string name;
            try
            {
                name = await exports.WriteRunZipAsync(id, stream, cancel);
            }
            catch (DomainException)
            {
                return Results.NotFound("There is no recharge run with that number, or none of its invoices has been issued yet.");
            }
            stream.Position = 0;
            return Results.File(stream, InvoiceExports.ZipContentType, name);
        });

        app.MapGet(RegisterPath, async (HttpContext http, InvoiceExports exports, TimeProvider clock, CancellationToken cancel) =>
        {
            var query = http.Request.Query;
            var problems = new List<string>();
            var organisation = Id(query["organisation"], "organisation", problems);
            var partnership = Id(query["partnership"], "partnership", problems);
            var asOf = Date(query["asOf"], clock, problems);
            InvoiceStatus? status = null;
            if (!string.IsNullOrWhiteSpace(query["status"]))
            {
                if (Enum.TryParse<InvoiceStatus>(query["status"], ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(query["status"], out _)) status = s;
                else problems.Add($"status must be one of {string.Join(", ", Enum.GetNames<InvoiceStatus>())}.");
            }
            var overdue = false;
            if (!string.IsNullOrWhiteSpace(query["overdue"]) && !bool.TryParse(query["overdue"], out overdue)) problems.Add("overdue must be true or false.");
            if (problems.Count > 0) return BadRequest(problems);
            var filter = new InvoiceFilter(organisation, partnership, Status: status, OverdueOnly: overdue);
            // Streamed to a temporary file, not memory, however many invoices match; then sent. (Not straight to the
            // response: SpreadCheetah's zip writer ends each part with a synchronous write, which Kestrel refuses.)
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await exports.WriteRegisterAsync(filter, asOf!.Value, file, cancel);
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
            file.Position = 0;
            return Results.File(file, InvoiceExports.WorkbookContentType, InvoiceExports.RegisterFileName(asOf!.Value));
        });

        app.MapGet(AgedDebtPath, async (string? asOf, string? provider, InvoiceExports exports, TimeProvider clock, CancellationToken cancel) =>
        {
            var problems = new List<string>();
            var on = Date(asOf, clock, problems);
            var providerId = Id(provider, "provider", problems);
            if (problems.Count > 0) return BadRequest(problems);
            var stream = new MemoryStream();
            try
            {
                await exports.WriteAgedDebtAsync(on!.Value, providerId, stream, cancel);
            }
            catch (DomainException)
            {
                return Results.NotFound("There is no organisation with that number.");
            }
            stream.Position = 0;
            return Results.File(stream, InvoiceExports.WorkbookContentType, AgedDebtWorkbook.FileName(on!.Value));
        });

        app.MapGet(SettlementPath, async (string? a, string? b, string? period, InvoiceExports exports, CancellationToken cancel) =>
        {
            var problems = new List<string>();
            var first = Id(a, "a", problems, required: true);
            var second = Id(b, "b", problems, required: true);
            RechargePeriod? chosen = null;
            try
            {
                chosen = RechargePeriod.Parse(period);
            }
            catch (DomainException)
            {
                problems.Add("period must be a month (2013-10), a quarter (2013/14-Q3), a school term or a financial year (2013/14).");
            }
            if (problems.Count > 0 || chosen is null) return BadRequest(problems);
            var stream = new MemoryStream();
            try
            {
                await exports.WriteSettlementAsync(first!.Value, second!.Value, chosen, stream, cancel);
            }
            catch (DomainException ex)
            {
                // The Core's own words ("Choose two different organisations."), which hold nothing from the link.
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: 400);
            }
            stream.Position = 0;
            return Results.File(stream, InvoiceExports.WorkbookContentType, SettlementWorkbook.FileName(chosen));
        });
    }

    private static int? Id(string? text, string name, List<string> problems, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) problems.Add($"{name} must be an organisation's number.");
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        problems.Add($"{name} must be a whole number more than 0.");
        return null;
    }

    private static DateOnly? Date(string? text, TimeProvider clock, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return clock.Today();
        if (KeyDateDownloads.TryDate(text, out var date)) return date;
        problems.Add("asOf must be a date from 1900 to 2999 written like 2026-11-23.");
        return null;
    }

    // Names the parameter and never echoes its value (see KeyDateDownloads).
    private static IResult BadRequest(List<string> problems) =>
        Results.Text(string.Join(Environment.NewLine, problems), "text/plain; charset=utf-8", statusCode: 400);
}
