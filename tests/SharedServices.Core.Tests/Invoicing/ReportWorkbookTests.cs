using System.Globalization;
using ClosedXML.Excel;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Tests.Exports;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Tests.Invoicing;

using SharedServices.Domain.Money;

/// <summary>The aged-debt and settlement workbooks written from figures built by hand, read back with ClosedXML.</summary>
public sealed class ReportWorkbookTests
{
    private const string Payload = "=HYPERLINK(\"http://x\")";

    private static XLWorkbook Read(byte[] file) => new(new MemoryStream(file));

    private static decimal Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static byte[] AgedDebtFile(IReadOnlyList<Debt> debts)
    {
        var stream = new MemoryStream();
        var asOf = new DateOnly(2013, 12, 20);
        AgedDebtWorkbook.Write(AgedDebt.On(asOf, debts), debts, asOf, "Southampton City Council", stream);
        return stream.ToArray();
    }

    [Fact]
    public void AgedDebt_TwoRecipients_BandsAsNumbers_RowAndColumnTotalsAreFormulasEqualToTheAmounts()
    {
        // On 20 December 2013: due 1 January 2014 is current; 1 December is 19 days overdue; 1 September is 110 days
        // (30 + 31 + 30 + 19); 1 November is 49 days; 1 October is 80 days.
        Debt[] debts =
        [
            new(2, "Isle of Wight Council", "SCC-2013/14-0003", new DateOnly(2014, 1, 1), new Money(1_000_00)),
            new(2, "Isle of Wight Council", "SCC-2013/14-0002", new DateOnly(2013, 12, 1), new Money(250_50)),
            new(2, "Isle of Wight Council", "SCC-2013/14-0001", new DateOnly(2013, 9, 1), new Money(99_99)),
            new(3, Payload, "SCC-2013/14-0004", new DateOnly(2013, 11, 1), new Money(10)),
            new(3, Payload, "SCC-2013/14-0005", new DateOnly(2013, 10, 1), new Money(20)),
        ];

        var file = AgedDebtFile(debts);
        using var workbook = Read(file);
        var sheet = workbook.Worksheet("Aged debt");

        Assert.Equal("Aged debt owed to Southampton City Council on 20 December 2013", sheet.Cell("A1").GetString());
        Assert.Equal(["Recipient", "Current", "1–30 days", "31–60 days", "61–90 days", "Over 90 days", "Total"], Enumerable.Range(1, 7).Select(c => sheet.Cell(3, c).GetString()));
        Assert.Equal(3, sheet.SheetView.SplitRow);
        // By name, as on the page: "=…" sorts before "Isle of Wight Council".
        Assert.Equal([0m, 0m, 0.1m, 0.2m, 0m], Enumerable.Range(2, 5).Select(c => Number(sheet.Cell(4, c).Value)));
        Assert.Equal([1_000m, 250.5m, 0m, 0m, 99.99m], Enumerable.Range(2, 5).Select(c => Number(sheet.Cell(5, c).Value)));
        Assert.All(Enumerable.Range(2, 5), c => Assert.Equal(XLDataType.Number, sheet.Cell(5, c).DataType));
        Assert.Equal("£#,##0.00", sheet.Cell("B5").Style.NumberFormat.Format);
        var payload = sheet.Cell("A4");
        Assert.Equal((XLDataType.Text, false, Payload), (payload.DataType, payload.HasFormula, payload.GetString()));

        // Row totals: 0.10 + 0.20 = 0.30; 1,000.00 + 250.50 + 99.99 = 1,350.49.
        Assert.Equal(("SUM(B4:F4)", "SUM(B5:F5)"), (sheet.Cell("G4").FormulaA1, sheet.Cell("G5").FormulaA1));
        Assert.Equal([0.30m, 1_350.49m], new[] { "G4", "G5" }.Select(c => Number(sheet.Cell(c).CachedValue)));
        // Column totals on row 6: 1,000.00; 250.50; 0.10; 0.20; 99.99; and 1,350.49 + 0.30 = 1,350.79.
        decimal[] expected = [1_000m, 250.5m, 0.1m, 0.2m, 99.99m, 1_350.79m];
        var totals = Enumerable.Range(2, 6).Select(c => sheet.Cell(6, c)).ToList();
        Assert.Equal("Total", sheet.Cell("A6").GetString());
        Assert.Equal(["SUM(B4:B5)", "SUM(C4:C5)", "SUM(D4:D5)", "SUM(E4:E5)", "SUM(F4:F5)", "SUM(G4:G5)"], totals.Select(c => c.FormulaA1));
        Assert.Equal(expected, totals.Select(c => Number(c.CachedValue)));
        workbook.RecalculateAllFormulas();
        Assert.Equal(expected, totals.Select(c => Math.Round(Number(c.Value), 2)));

        var list = workbook.Worksheet("Invoices");
        Assert.Equal(["SCC-2013/14-0005", "SCC-2013/14-0004", "SCC-2013/14-0001", "SCC-2013/14-0002", "SCC-2013/14-0003"],
            Enumerable.Range(4, 5).Select(r => list.Cell(r, 2).GetString()));
        Assert.Equal([80, 49, 110, 19, 0], Enumerable.Range(4, 5).Select(r => list.Cell(r, 4).GetValue<int>()));
        Assert.Equal(["61–90 days", "31–60 days", "Over 90 days", "1–30 days", "Current"], Enumerable.Range(4, 5).Select(r => list.Cell(r, 5).GetString()));
        Assert.Equal((XLDataType.DateTime, new DateTime(2013, 10, 1)), (list.Cell("C4").DataType, list.Cell("C4").GetDateTime()));
        Assert.Equal(("SUM(F4:F8)", 1_350.79m), (list.Cell("F9").FormulaA1, Number(list.Cell("F9").CachedValue)));
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void AgedDebt_NothingOwed_SaysSo()
    {
        var file = AgedDebtFile([]);
        using var workbook = Read(file);
        var sheet = workbook.Worksheet("Aged debt");

        Assert.Equal("Nothing is outstanding.", sheet.Cell("A4").GetString());
        Assert.True(sheet.Row(5).IsEmpty());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void Settlement_BothWays_OutstandingAndNetAreFormulasEqualToTheStatement()
    {
        // Southampton billed £16,250.00, credited £250.00, was paid £10,000.00: £6,000.00 outstanding. The Isle of
        // Wight billed £2,000.00 and was paid £500.00: £1,500.00 outstanding. Net: £6,000.00 − £1,500.00 = £4,500.00
        // owed to Southampton.
        var settlement = new Settlement(
            new OneWay(1, "Southampton City Council", 2, "Isle of Wight Council", new Money(16_250_00), new Money(250_00), new Money(10_000_00)),
            new OneWay(2, "Isle of Wight Council", 1, "Southampton City Council", new Money(2_000_00), Money.Zero, new Money(500_00)));
        var stream = new MemoryStream();

        // Behind it: SCC-2013/14-0001 £16,250.00 (paid £10,000.00, credited £250.00, £6,000.00 outstanding), its credit
        // note −£250.00, and IWC-2013/14-0001 £2,000.00 (paid £500.00, £1,500.00 outstanding).
        InvoiceRegisterRow[] invoices =
        [
            Row("SCC-2013/14-0001", InvoiceKind.Invoice, "Southampton City Council", "Isle of Wight Council", 16_250_00, 10_000_00, 250_00, 6_000_00),
            Row("SCC-CN-2013/14-0001", InvoiceKind.CreditNote, "Southampton City Council", "Isle of Wight Council", -250_00, 0, 0, 0),
            Row("IWC-2013/14-0001", InvoiceKind.Invoice, "Isle of Wight Council", "Southampton City Council", 2_000_00, 500_00, 0, 1_500_00),
        ];
        SettlementWorkbook.Write(settlement, RechargePeriod.Year(new Domain.Dates.FinancialYear(2013)), invoices, stream);

        var file = stream.ToArray();
        using var workbook = Read(file);
        var sheet = workbook.Worksheet("Settlement");
        Assert.Equal("Settlement between Southampton City Council and Isle of Wight Council", sheet.Cell("A1").GetString());
        Assert.Equal("2013/14 (1 April 2013 to 31 March 2014)", sheet.Cell("B3").GetString());
        Assert.Equal(SettlementWorkbook.Headers, Enumerable.Range(1, 6).Select(c => sheet.Cell(4, c).GetString()));
        Assert.Equal([16_250m, 250m, 10_000m], Enumerable.Range(3, 3).Select(c => Number(sheet.Cell(5, c).Value)));
        Assert.Equal([2_000m, 0m, 500m], Enumerable.Range(3, 3).Select(c => Number(sheet.Cell(6, c).Value)));
        Assert.Equal(("C5-D5-E5", "C6-D6-E6", "F5-F6"), (sheet.Cell("F5").FormulaA1, sheet.Cell("F6").FormulaA1, sheet.Cell("F8").FormulaA1));
        decimal[] expected = [6_000m, 1_500m, 4_500m];
        string[] cells = ["F5", "F6", "F8"];
        Assert.Equal(expected, cells.Select(c => Number(sheet.Cell(c).CachedValue)));
        workbook.RecalculateAllFormulas();
        Assert.Equal(expected, cells.Select(c => Math.Round(Number(sheet.Cell(c).Value), 2)));
        Assert.Equal("Isle of Wight Council owes Southampton City Council £4,500.00.", sheet.Cell("A9").GetString());

        var list = workbook.Worksheet("Invoices");
        Assert.Equal(["SCC-2013/14-0001", "SCC-CN-2013/14-0001", "IWC-2013/14-0001"], Enumerable.Range(4, 3).Select(r => list.Cell(r, 1).GetString()));
        Assert.Equal((XLDataType.DateTime, new DateTime(2013, 11, 1)), (list.Cell("F4").DataType, list.Cell("F4").GetDateTime()));
        // Gross 16,250.00 − 250.00 + 2,000.00 = 18,000.00; paid 10,500.00; credited 250.00; outstanding 7,500.00.
        decimal[] listTotals = [18_000m, 10_500m, 250m, 7_500m];
        string[] listCells = ["G7", "H7", "I7", "J7"];
        Assert.Equal(["SUM(G4:G6)", "SUM(H4:H6)", "SUM(I4:I6)", "SUM(J4:J6)"], listCells.Select(c => list.Cell(c).FormulaA1));
        Assert.Equal(listTotals, listCells.Select(c => Math.Round(Number(list.Cell(c).Value), 2)));
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    private static InvoiceRegisterRow Row(string number, InvoiceKind kind, string from, string to, long gross, long paid, long credited, long outstanding) =>
        new(number, kind, InvoiceStatus.Issued, "Education support", from, to, "October 2013", new DateOnly(2013, 11, 1), new DateOnly(2013, 12, 1),
            new Money(gross), Money.Zero, new Money(gross), new Money(paid), new Money(credited), new Money(outstanding), 0);
}
