using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Recharging;
using SharedServices.Core.Tests.Database;
using SharedServices.Core.Tests.Exports;
using SharedServices.Core.Tests.Recharging;
using SharedServices.Domain;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Tests.Invoicing;

using SharedServices.Domain.Money;

/// <summary>
/// The workbook of an invoice drafted by a recharge run and issued, read from the database. Testford bills Otherby
/// for educational psychology in October 2013, standard-rated from 1 October 2013:
/// <list type="bullet">
/// <item>3 October, 2 days, entered by hand; 10 October, 1.5 days, imported from october-ep.csv: 3.5 days × £450.00
/// = £1,575.00, VAT 20% £315.00, gross £1,890.00;</item>
/// <item>17 October, 1.25 days, entered by hand, under the rate of £462.50 from 15 October 2013 (entered on
/// 20 October, so backdated): 1.25 × £462.50 = £578.125, £578.13 to the penny; VAT 20% £115.626, £115.63;
/// gross £693.76.</item>
/// </list>
/// Net £2,153.13, VAT £430.63, total £2,583.76. Issued on 1 November 2013 as TFC-2013/14-0001, due 1 December 2013.
/// </summary>
public abstract class InvoiceWorkbooksTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string HyperlinkPayload = "=HYPERLINK(\"http://x\")";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2013, 11, 20)));

    private Task<int> IssuedOctoberInvoiceAsync(string purchaseOrder = "PO-4471") => OctoberInvoiceAsync(purchaseOrder, issue: true);

    private async Task<int> OctoberInvoiceAsync(string purchaseOrder = "PO-4471", bool issue = true)
    {
        var p = await TestPartnership.AddAsync(Factory);
        await using (var db = Factory.CreateDbContext())
        {
            var vat = new VatTreatmentChange(new DateOnly(2013, 10, 1), VatTreatment.StandardRated);
            db.ServiceVatTreatments.Add(vat);
            db.Entry(vat).Property("TradedServiceId").CurrentValue = p.ServiceId;
            var schedule = await db.ChargeSchedules.SingleAsync(s => s.TradedServiceId == p.ServiceId);
            schedule.SetPosting(new PostingDetails("4100", "EP01", "5200", "SEN02", purchaseOrder));
            var import = new ActivityImport(p.PartnershipId, "october-ep.csv", new string('a', 64), 1, "Importer", At(2013, 10, 11, 8, 0));
            db.ActivityImports.Add(import);
            await db.SaveChangesAsync();
            db.ActivityEntries.AddRange(
                Days(p, 3, 2m, "Assessments at Hill School", "EP-1", "A Officer", At(2013, 11, 4, 9, 30)),
                Days(p, 10, 1.5m, HyperlinkPayload, "+1+1", "Importer", At(2013, 10, 11, 8, 0), import.Id),
                Days(p, 17, 1.25m, "@SUM(A1)", "-2+3", "B Officer", At(2013, 10, 17, 9, 30)));
            await db.SaveChangesAsync();
        }
        await p.AddRateAsync(Factory, new DateOnly(2013, 10, 15), new DateOnly(2013, 10, 20), 462_50);
        await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, p.PartnershipId, "Officer");
        await using var read = Factory.CreateDbContext();
        var draft = await read.Invoices.Where(i => i.PartnershipId == p.PartnershipId).Select(i => i.Id).SingleAsync();
        if (issue) await Get<InvoiceIssuer>().IssueAsync([draft], new DateOnly(2013, 11, 1));
        return draft;
    }

    private static ActivityEntry Days(TestPartnership p, int day, decimal days, string description, string reference, string by, DateTimeOffset at, int? importId = null)
    {
        var on = new DateOnly(2013, 10, day);
        // An imported record came from row 7 of its file (the header is row 1).
        return new ActivityEntry(p.ServiceId, new ActivityDetails(on, on, days, "days", null, description, reference), by, at, importId, importRow: importId is null ? null : 7);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task<(string FileName, byte[] File, XLWorkbook Workbook)> WriteAsync(int invoiceId)
    {
        var stream = new MemoryStream();
        var name = await Get<InvoiceWorkbooks>().WriteAsync(invoiceId, stream);
        var file = stream.ToArray();
        return (name, file, new XLWorkbook(new MemoryStream(file)));
    }

    private static decimal Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task WriteAsync_IssuedInvoice_HeaderLinesAndTotalsAsRealNumbersAndDates_ValidFile()
    {
        var id = await IssuedOctoberInvoiceAsync();

        var (name, file, workbook) = await WriteAsync(id);
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal("TFC-2013-14-0001.xlsx", name);
        Assert.Equal(["Invoice", "Activity", "Rates"], workbook.Worksheets.Select(s => s.Name));
        Assert.Equal("Invoice TFC-2013/14-0001", sheet.Cell("A1").GetString());
        Assert.Equal(
            ["Testford Council TFC", "Address not recorded", "VAT registration not recorded", "Otherby Council OBC", "Address not recorded",
             "Testford and Otherby testford-otherby", "testford-otherby"],
            Enumerable.Range(3, 7).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.Equal("TFC-2013/14-0001", sheet.Cell("J3").GetString());
        foreach (var (cell, date) in new[] { ("J4", new DateTime(2013, 11, 1)), ("J5", new DateTime(2013, 12, 1)), ("J8", new DateTime(2013, 10, 1)), ("J9", new DateTime(2013, 10, 31)) })
        {
            Assert.Equal(XLDataType.DateTime, sheet.Cell(cell).DataType);
            Assert.Equal(date, sheet.Cell(cell).GetDateTime());
            Assert.Equal("d mmmm yyyy", sheet.Cell(cell).Style.NumberFormat.Format);
        }
        Assert.Equal(("PO-4471", "October 2013"), (sheet.Cell("J6").GetString(), sheet.Cell("J7").GetString()));
        Assert.Equal((XLDataType.Number, 30), (sheet.Cell("J10").DataType, sheet.Cell("J10").GetValue<int>()));

        Assert.Equal(("Educational psychology", "3.5 days × £450.00 (rate from 1 April 2012)", "day"), (sheet.Cell("A13").GetString(), sheet.Cell("B13").GetString(), sheet.Cell("D13").GetString()));
        Assert.Equal(("Educational psychology", "1.25 days × £462.50 (rate from 15 October 2013)", "day"), (sheet.Cell("A14").GetString(), sheet.Cell("B14").GetString(), sheet.Cell("D14").GetString()));
        Assert.True(sheet.Row(15).IsEmpty());
        int[] numberColumns = [3, 5, 6, 8, 9, 10];
        Assert.All(new[] { 13, 14 }.SelectMany(r => numberColumns.Select(c => sheet.Cell(r, c))), c => Assert.Equal(XLDataType.Number, c.DataType));
        // Quantity, rate, net, VAT %, VAT, gross.
        Assert.Equal([3.5m, 450m, 1_575m, 0.2m, 315m, 1_890m], numberColumns.Select(c => Number(sheet.Cell(13, c).Value)));
        Assert.Equal([1.25m, 462.5m, 578.13m, 0.2m, 115.63m, 693.76m], numberColumns.Select(c => Number(sheet.Cell(14, c).Value)));
        Assert.Equal(("Standard-rated", "£#,##0.00", "0.0%"), (sheet.Cell("G13").GetString(), sheet.Cell("F13").Style.NumberFormat.Format, sheet.Cell("H13").Style.NumberFormat.Format));

        // Subtotal, VAT and total on rows 16 to 18: formulas, cached and recalculated, equal to the stored totals.
        await using var db = Factory.CreateDbContext();
        var stored = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == id);
        Assert.Equal((2_153_13L, 430_63L, 2_583_76L), (stored.Net.Pence, stored.Vat.Pence, stored.Gross.Pence));
        decimal[] expected = [stored.Net.Pounds, stored.Vat.Pounds, stored.Gross.Pounds];
        string[] totals = ["J16", "J17", "J18"];
        Assert.Equal(["SUM(F13:F14)", "SUM(I13:I14)", "J16+J17"], totals.Select(c => sheet.Cell(c).FormulaA1));
        Assert.All(totals, c => Assert.True(sheet.Cell(c).HasFormula));
        Assert.Equal(expected, totals.Select(c => Number(sheet.Cell(c).CachedValue)));
        workbook.RecalculateAllFormulas();
        Assert.Equal(expected, totals.Select(c => Math.Round(Number(sheet.Cell(c).Value), 2)));

        Assert.Equal("Please pay the total by 1 December 2013, 30 days from the invoice date.", sheet.Cell("A21").GetString());
        Assert.Equal("Quote invoice number TFC-2013/14-0001 with your payment, so that it can be matched.", sheet.Cell("A22").GetString());
        Assert.Equal(("Posting codes", "5200", "SEN02", "4100", "EP01"),
            (sheet.Cell("A25").GetString(), sheet.Cell("B27").GetString(), sheet.Cell("F27").GetString(), sheet.Cell("G27").GetString(), sheet.Cell("J27").GetString()));
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public async Task WriteAsync_PartiesDetailsRecorded_HeaderAndHowToPayShowThem()
    {
        var draft = await OctoberInvoiceAsync(issue: false);
        await RecordDetailsAsync();
        await Get<InvoiceIssuer>().IssueAsync([draft], new DateOnly(2013, 11, 1));

        var (_, file, workbook) = await WriteAsync(draft);
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal(["Town Hall\nTestford\nTF1 1AA", "GB 999 9999 73", "Otherby House\nOB2 3CD"], new[] { "B4", "B5", "B7" }.Select(c => sheet.Cell(c).GetString()));
        // Two lines on rows 13 and 14, totals on 16 to 18, "How to pay" on row 20, then two sentences and the bank details.
        Assert.Equal([("Account name", "Testford Council"), ("Sort code", "12-34-56"), ("Account number", "12345678"), ("Payment reference", "TFC-2013/14-0001")],
            Enumerable.Range(23, 4).Select(r => (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 2).GetString())));
        // Otherby's remittance address is its own business, not on Testford's invoice.
        Assert.Equal("Posting codes", sheet.Cell("A28").GetString());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    /// <summary>Testford's and Otherby's addresses, Testford's VAT registration and bank details, Otherby's remittance e-mail.</summary>
    private async Task RecordDetailsAsync()
    {
        await using var db = Factory.CreateDbContext();
        var testford = await db.Organisations.SingleAsync(o => o.ShortCode == "TFC");
        // 315 + 73 = 388 = 4 × 97.
        testford.SetInvoicingDetails(InvoicingDetails.Create("Town Hall\nTestford", "TF1 1AA", "GB999999973", "Testford Council", "123456", "12345678", null));
        var otherby = await db.Organisations.SingleAsync(o => o.ShortCode == "OBC");
        otherby.SetInvoicingDetails(InvoicingDetails.Create("Otherby House", "OB2 3CD", null, null, null, null, "payables@otherby.example.gov.uk"));
        await db.SaveChangesAsync();
    }

    /// <summary>After the invoice is issued Testford moves to Civic Centre, TF9 9ZZ, and banks at 65-43-21 00000001; Otherby moves too.</summary>
    private async Task MoveAndChangeBankAsync()
    {
        await using var db = Factory.CreateDbContext();
        var testford = await db.Organisations.SingleAsync(o => o.ShortCode == "TFC");
        testford.SetInvoicingDetails(InvoicingDetails.Create("Civic Centre\nTestford", "TF9 9ZZ", "GB999999973", "Testford New Account", "654321", "00000001", "cash@testford.example.gov.uk"));
        testford.Update("Testford Borough Council", "TFC", testford.Kind, testford.GssCode, testford.Notes);
        var otherby = await db.Organisations.SingleAsync(o => o.ShortCode == "OBC");
        otherby.SetInvoicingDetails(InvoicingDetails.Create("New Otherby House", "OB9 9ZZ", null, null, null, null, null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task WriteAsync_ProviderMovedAndChangedBankAfterIssue_WorkbookStillShowsTheDetailsAsIssued()
    {
        var draft = await OctoberInvoiceAsync(issue: false);
        await RecordDetailsAsync();
        await Get<InvoiceIssuer>().IssueAsync([draft], new DateOnly(2013, 11, 1));
        await MoveAndChangeBankAsync();

        var (_, file, workbook) = await WriteAsync(draft);
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal(["Testford Council TFC", "Town Hall\nTestford\nTF1 1AA", "GB 999 9999 73", "Otherby Council OBC", "Otherby House\nOB2 3CD"],
            new[] { "B3", "B4", "B5", "B6", "B7" }.Select(c => sheet.Cell(c).GetString()));
        Assert.Equal([("Account name", "Testford Council"), ("Sort code", "12-34-56"), ("Account number", "12345678"), ("Payment reference", "TFC-2013/14-0001")],
            Enumerable.Range(23, 4).Select(r => (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 2).GetString())));
        // No remittance e-mail was recorded on issue, so the new one is not shown either.
        Assert.Equal("Posting codes", sheet.Cell("A28").GetString());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public async Task FindAsync_IssuedShowsThePartiesAsIssued_DraftShowsThemAsTheyAreNow()
    {
        var issued = await OctoberInvoiceAsync(issue: false);
        await RecordDetailsAsync();
        await Get<InvoiceIssuer>().IssueAsync([issued], new DateOnly(2013, 11, 1));
        int draft;
        await using (var db = Factory.CreateDbContext())
        {
            // A November draft between the same two councils.
            var october = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == issued);
            var november = new DateRange(new DateOnly(2013, 11, 1), new DateOnly(2013, 11, 30));
            var next = new Invoice(InvoiceKind.Invoice, october.PartnershipId, october.ProviderId, october.RecipientId, november, "November 2013", 30);
            next.AddLine(new InvoiceLine(october.Lines[0].TradedServiceId, "Educational psychology", RechargeLineKind.Quantity, "1 day × £450.00", november,
                1m, "day", new Money(450_00), new LineVat(new Money(450_00), VatTreatment.OutsideTheScope, 0m, Money.Zero)));
            db.Invoices.Add(next);
            await db.SaveChangesAsync();
            draft = next.Id;
        }
        await MoveAndChangeBankAsync();

        var shown = (await Get<Receivables>().FindAsync(issued))!;
        Assert.Equal(("Testford Council TFC", "Otherby Council OBC"), (shown.ProviderName, shown.RecipientName));
        Assert.Equal(["Town Hall", "Testford", "TF1 1AA"], shown.Provider.Details.PostalLines);
        Assert.Equal(("123456", "12345678", null), (shown.Provider.Details.SortCode, shown.Provider.Details.AccountNumber, shown.Provider.Details.RemittanceEmail));
        Assert.Equal(["Otherby House", "OB2 3CD"], shown.Recipient.Details.PostalLines);
        // Otherby's own remittance e-mail is not Testford's invoice's business, so it was not kept.
        Assert.Null(shown.Recipient.Details.RemittanceEmail);

        var current = (await Get<Receivables>().FindAsync(draft))!;
        Assert.Equal("Testford Borough Council", current.ProviderName);
        Assert.Equal(["Civic Centre", "Testford", "TF9 9ZZ"], current.Provider.Details.PostalLines);
        Assert.Equal(("654321", "00000001"), (current.Provider.Details.SortCode, current.Provider.Details.AccountNumber));
        Assert.Equal(["New Otherby House", "OB9 9ZZ"], current.Recipient.Details.PostalLines);
    }

    [Fact]
    public async Task WriteAsync_ActivityAndRates_ListWhatWasBilled_TypedPayloadsStayText()
    {
        var id = await IssuedOctoberInvoiceAsync(purchaseOrder: HyperlinkPayload);

        var (_, file, workbook) = await WriteAsync(id);
        using var _ = workbook;

        var po = workbook.Worksheet("Invoice").Cell("J6");
        Assert.Equal((XLDataType.Text, false, HyperlinkPayload), (po.DataType, po.HasFormula, po.GetString()));

        var activity = workbook.Worksheet("Activity");
        Assert.Equal("Activity billed on invoice TFC-2013/14-0001", activity.Cell("A1").GetString());
        Assert.True(activity.Row(7).IsEmpty());
        Assert.Equal([new DateTime(2013, 10, 3), new DateTime(2013, 10, 10), new DateTime(2013, 10, 17)], Enumerable.Range(4, 3).Select(r => activity.Cell(r, 1).GetDateTime()));
        Assert.All(Enumerable.Range(4, 3), r => Assert.Equal((XLDataType.DateTime, XLDataType.DateTime, XLDataType.Number, XLDataType.DateTime),
            (activity.Cell(r, 1).DataType, activity.Cell(r, 2).DataType, activity.Cell(r, 4).DataType, activity.Cell(r, 11).DataType)));
        Assert.Equal([2m, 1.5m, 1.25m], Enumerable.Range(4, 3).Select(r => Number(activity.Cell(r, 4).Value)));
        (string Description, string Reference, string Source, string By)[] expected =
        [
            ("Assessments at Hill School", "EP-1", "Entered by hand", "A Officer"),
            (HyperlinkPayload, "+1+1", "Imported from october-ep.csv, row 7", "Importer"),
            ("@SUM(A1)", "-2+3", "Entered by hand", "B Officer"),
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            var row = 4 + i;
            Assert.Equal(("Educational psychology", "days"), (activity.Cell(row, 3).GetString(), activity.Cell(row, 5).GetString()));
            Assert.Equal(expected[i], (activity.Cell(row, 7).GetString(), activity.Cell(row, 8).GetString(), activity.Cell(row, 9).GetString(), activity.Cell(row, 10).GetString()));
            Assert.All(new[] { 7, 8 }, c => Assert.False(activity.Cell(row, c).HasFormula));
            Assert.All(new[] { 7, 8 }, c => Assert.Equal(XLDataType.Text, activity.Cell(row, c).DataType));
        }
        // UK time: 4 November 2013 is GMT (09:30 UTC is 09:30); 11 and 17 October are BST, an hour ahead.
        Assert.Equal([new DateTime(2013, 11, 4, 9, 30, 0), new DateTime(2013, 10, 11, 9, 0, 0), new DateTime(2013, 10, 17, 10, 30, 0)],
            Enumerable.Range(4, 3).Select(r => activity.Cell(r, 11).GetDateTime()));

        var rates = workbook.Worksheet("Rates");
        Assert.Equal(["Service", "Effective from", "Entered on", "Basis", "Rate", "Backdated"], Enumerable.Range(1, 6).Select(c => rates.Cell(3, c).GetString()));
        Assert.Equal((new DateTime(2012, 4, 1), new DateTime(2012, 4, 1), "Day rate £450.00", 450m, "No"),
            (rates.Cell("B4").GetDateTime(), rates.Cell("C4").GetDateTime(), rates.Cell("D4").GetString(), Number(rates.Cell("E4").Value), rates.Cell("F4").GetString()));
        Assert.Equal((new DateTime(2013, 10, 15), new DateTime(2013, 10, 20), "Day rate £462.50", 462.5m, "Yes"),
            (rates.Cell("B5").GetDateTime(), rates.Cell("C5").GetDateTime(), rates.Cell("D5").GetString(), Number(rates.Cell("E5").Value), rates.Cell("F5").GetString()));
        Assert.True(rates.Row(6).IsEmpty());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public async Task WriteAsync_SupplementaryForABackdatedPayAward_ShowsTheCorrectionAndBothRates()
    {
        var p = await TestPartnership.AddAsync(Factory);
        (int Month, decimal Days)[] months = [(4, 10m), (5, 9m)];
        foreach (var (month, days) in months)
        {
            await p.DaysAsync(Factory, new DateOnly(2013, month, 5), days, $"EP-{month}");
            await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, month), RechargeScope.Partnership, p.PartnershipId, "Officer");
            await Get<InvoiceIssuer>().IssueAsync([await DraftOfAsync(p)], new DateOnly(2013, month + 1, 1));
        }
        // Agreed on 20 November 2013, backdated to 1 April 2013: £462.00 a day.
        await p.AddRateAsync(Factory, new DateOnly(2013, 4, 1), new DateOnly(2013, 11, 20), 462_00);
        await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 11), RechargeScope.Partnership, p.PartnershipId, "Officer");
        var supplementary = await DraftOfAsync(p);
        await Get<InvoiceIssuer>().IssueAsync([supplementary], new DateOnly(2013, 12, 2));

        var (name, file, workbook) = await WriteAsync(supplementary);
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        // 10 + 9 = 19 days × (£462.00 − £450.00) = 19 × £12.00 = £228.00, outside the scope of VAT.
        Assert.Equal(("TFC-2013-14-0003.xlsx", "Supplementary invoice TFC-2013/14-0003"), (name, sheet.Cell("A1").GetString()));
        Assert.Equal("Supplementary invoice: each line names the invoices it corrects.", sheet.Cell("A2").GetString());
        Assert.Equal("Rate backdated to 1 April 2013 (entered 20 November 2013): 19 days × £12.00 difference, invoices TFC-2013/14-0001 and TFC-2013/14-0002",
            sheet.Cell("B13").GetString());
        Assert.Equal([19m, 12m, 228m, 0m, 0m, 228m], new[] { 3, 5, 6, 8, 9, 10 }.Select(c => Number(sheet.Cell(13, c).Value)));
        Assert.Equal([228m, 0m, 228m], new[] { "J15", "J16", "J17" }.Select(c => Number(sheet.Cell(c).CachedValue)));
        Assert.Equal(InvoiceWorkbook.NoActivityText, workbook.Worksheet("Activity").Cell("A4").GetString());
        // The rate the two invoices were billed at, and the backdated one that replaced it.
        var rates = workbook.Worksheet("Rates");
        Assert.Equal(("Day rate £450.00", new DateTime(2012, 4, 1), "No"), (rates.Cell("D4").GetString(), rates.Cell("B4").GetDateTime(), rates.Cell("F4").GetString()));
        Assert.Equal(("Day rate £462.00", new DateTime(2013, 4, 1), new DateTime(2013, 11, 20), "Yes"),
            (rates.Cell("D5").GetString(), rates.Cell("B5").GetDateTime(), rates.Cell("C5").GetDateTime(), rates.Cell("F5").GetString()));
        Assert.True(rates.Row(6).IsEmpty());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    private async Task<int> DraftOfAsync(TestPartnership p)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Invoices.Where(i => i.PartnershipId == p.PartnershipId && i.Number == null).Select(i => i.Id).SingleAsync();
    }

    [Fact]
    public async Task LoadAsync_Draft_RefusedWithAReason()
    {
        var p = await TestPartnership.AddAsync(Factory);
        await p.DaysAsync(Factory, new DateOnly(2013, 10, 3), 2m, "EP-1");
        await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, p.PartnershipId, "Officer");
        await using var db = Factory.CreateDbContext();
        var draft = await db.Invoices.Where(i => i.PartnershipId == p.PartnershipId).Select(i => i.Id).SingleAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Get<InvoiceWorkbooks>().LoadAsync(draft));

        Assert.Equal("A draft has no number yet: issue it before sending its workbook.", refusal.Message);
    }
}

public sealed class InvoiceWorkbooksTests_Sqlite : InvoiceWorkbooksTests<SqliteTestDatabase>;

public sealed class InvoiceWorkbooksTests_Postgres : InvoiceWorkbooksTests<PostgresTestDatabase>;
