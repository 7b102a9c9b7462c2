using SharedServices.Core.Access;
using System.IO.Compression;
using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Persistence;
using SharedServices.Core.Recharging;
using SharedServices.Domain.Recharging;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// The invoice exports over HTTP: a run's invoices as a zip (and 404 for an unknown run or one with nothing issued),
/// the register streamed to the response, aged debt and settlement workbooks, and bad parameters named, not echoed.
/// </summary>
public sealed class InvoiceExportDownloadTests(HttpHost host) : IClassFixture<HttpHost>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>October 2013 for Southampton–Isle of Wight education support: one invoice of £16,250.00 (as the CLI test works out), issued.</summary>
    private async Task<int> IssuedOctoberRunAsync()
    {
        // Run as the Isle of Wight's tester, whose client downloads it: a run is its starter's organisation's.
        using var _ = CallerContext.Use(await Testers.TesterAsync(host.Services, "IWC"));
        var services = host.Services;
        var factory = services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var partnership = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
        var runs = services.GetRequiredService<RechargeRuns>();
        var outcome = await runs.RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, partnership, "Tester");
        await services.GetRequiredService<InvoiceIssuer>().IssueAsync(await runs.DraftsOfAsync(outcome.RunId), new DateOnly(2013, 11, 1));
        return outcome.RunId;
    }

    [Fact]
    public async Task RunZip_IssuedRun_HoldsEachWorkbookNamedByNumber_UnknownOrUnissued404()
    {
        var runId = await IssuedOctoberRunAsync();

        using var response = await host.Client.GetAsync($"/recharges/runs/{runId}/invoices.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"recharge-run-{runId}-2013-10-invoices.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("SCC-2013-14-0001.xlsx", entry.FullName);
        var file = new MemoryStream();
        await using (var stream = entry.Open()) await stream.CopyToAsync(file);
        using var workbook = new XLWorkbook(new MemoryStream(file.ToArray()));
        Assert.Equal("Invoice SCC-2013/14-0001", workbook.Worksheet("Invoice").Cell("A1").GetString());

        using var unknown = await host.Client.GetAsync("/recharges/runs/999999/invoices.zip");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var asTester = CallerContext.Use(await Testers.TesterAsync(host.Services, "IWC"));
        var factory = host.Services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var partnership = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
        var draftsOnly = await host.Services.GetRequiredService<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 11), RechargeScope.Partnership, partnership, "Tester");
        using var unissued = await host.Client.GetAsync($"/recharges/runs/{draftsOnly.RunId}/invoices.zip");
        Assert.Equal(HttpStatusCode.NotFound, unissued.StatusCode);
    }

    [Theory]
    [InlineData("/invoices/register.xlsx", "invoice-register-2026-11-23.xlsx", "Register")]
    [InlineData("/invoices/register.xlsx?status=Issued&overdue=true&asOf=2014-06-01", "invoice-register-2014-06-01.xlsx", "Register")]
    [InlineData("/invoices/aged-debt.xlsx?asOf=2014-06-01", "aged-debt-2014-06-01.xlsx", "Aged debt")]
    [InlineData("/invoices/settlement.xlsx?a=1&b=2&period=2013%2F14", "settlement-2013-14.xlsx", "Settlement")]
    public async Task Workbook_Answers200WithAnOpeningXlsx(string address, string fileName, string sheet)
    {
        using var response = await host.Client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(sheet, workbook.Worksheets.First().Name);
    }

    [Theory]
    [InlineData("/invoices/register.xlsx?status=<script>", "status must be one of Draft, Issued, PartPaid, Paid, Disputed, Credited.")]
    [InlineData("/invoices/register.xlsx?organisation=<script>", "organisation must be a whole number more than 0.")]
    [InlineData("/invoices/aged-debt.xlsx?asOf=<script>", "asOf must be a date from 1900 to 2999 written like 2026-11-23.")]
    [InlineData("/invoices/settlement.xlsx?a=1&b=2&period=<script>", "period must be a month (2013-10), a quarter (2013/14-Q3), a school term or a financial year (2013/14).")]
    [InlineData("/invoices/settlement.xlsx?a=1&b=1&period=2013%2F14", "Choose two different organisations.")]
    public async Task Workbook_BadParameter_400NamesItWithoutEchoingIt(string address, string message)
    {
        using var response = await host.Client.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync());
    }
}
