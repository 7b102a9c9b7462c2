using System.Globalization;
using ClosedXML.Excel;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Tests.Exports;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Core.Tests.Invoicing;

using SharedServices.Domain.Money;

/// <summary>The register streamed with SpreadCheetah from rows built by hand, read back with ClosedXML.</summary>
public sealed class InvoiceRegisterWorkbookTests
{
    private static readonly string[] Payloads = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];

    /// <summary>
    /// An invoice part-paid (£1,575.00 net, £315.00 VAT, £1,890.00 gross, £1,000.00 paid, £890.00 outstanding,
    /// 19 days overdue); a credit note of £100.00 + £20.00 VAT, negative; a draft of £0.10 + £0.02 VAT.
    /// </summary>
    private static InvoiceRegisterRow[] Rows(string partnership = "Southampton and Isle of Wight", string recipient = "Isle of Wight Council") =>
    [
        new("SCC-2013/14-0001", InvoiceKind.Invoice, InvoiceStatus.PartPaid, partnership, "Southampton City Council", recipient, "October 2013",
            new DateOnly(2013, 11, 1), new DateOnly(2013, 12, 1), new Money(1_575_00), new Money(315_00), new Money(1_890_00), new Money(1_000_00),
            Money.Zero, new Money(890_00), 19),
        new("SCC-CN-2013/14-0001", InvoiceKind.CreditNote, InvoiceStatus.Issued, partnership, "Southampton City Council", recipient, "October 2013",
            new DateOnly(2013, 11, 15), new DateOnly(2013, 12, 15), new Money(-100_00), new Money(-20_00), new Money(-120_00), Money.Zero, Money.Zero, Money.Zero, 0),
        new(null, InvoiceKind.Invoice, InvoiceStatus.Draft, partnership, "Southampton City Council", recipient, "November 2013",
            null, null, new Money(10), new Money(2), new Money(12), Money.Zero, Money.Zero, Money.Zero, 0),
    ];

    private static async IAsyncEnumerable<InvoiceRegisterRow> Stream(IEnumerable<InvoiceRegisterRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async Task<(InvoiceRegisterTotals Totals, byte[] File, XLWorkbook Workbook)> WriteAsync(IEnumerable<InvoiceRegisterRow> rows)
    {
        var stream = new MemoryStream();
        var totals = await InvoiceRegisterWorkbook.WriteAsync(Stream(rows), stream, "Invoice register on 20 December 2013", "Every invoice and credit note.");
        var file = stream.ToArray();
        return (totals, file, new XLWorkbook(new MemoryStream(file)));
    }

    private static decimal Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task WriteAsync_ThreeRows_RealDatesAndNumbers_TotalsAreSumFormulasEqualToTheAmounts_ValidFile()
    {
        var (totals, file, workbook) = await WriteAsync(Rows());
        using var _ = workbook;
        var sheet = workbook.Worksheet("Register");

        Assert.Equal(("Invoice register on 20 December 2013", "Every invoice and credit note."), (sheet.Cell("A1").GetString(), sheet.Cell("A2").GetString()));
        Assert.Equal(InvoiceRegisterWorkbook.Headers, Enumerable.Range(1, 16).Select(c => sheet.Cell(3, c).GetString()));
        Assert.Equal(3, sheet.SheetView.SplitRow);
        Assert.Equal([20d, 34d, 14d], WorkbookChecks.ColumnWidths(file).Where(w => w.Column is 1 or 4 or 10).Select(w => w.Width));

        Assert.Equal(["SCC-2013/14-0001", "SCC-CN-2013/14-0001", "Draft"], Enumerable.Range(4, 3).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal(["Invoice", "Credit note", "Invoice"], Enumerable.Range(4, 3).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.Equal(["Part-paid", "Issued", "Draft"], Enumerable.Range(4, 3).Select(r => sheet.Cell(r, 3).GetString()));
        foreach (var (cell, date) in new[] { ("H4", new DateTime(2013, 11, 1)), ("I4", new DateTime(2013, 12, 1)), ("H5", new DateTime(2013, 11, 15)) })
        {
            Assert.Equal(XLDataType.DateTime, sheet.Cell(cell).DataType);
            Assert.Equal(date, sheet.Cell(cell).GetDateTime());
            Assert.Equal("d mmmm yyyy", sheet.Cell(cell).Style.NumberFormat.Format);
        }
        Assert.True(sheet.Cell("H6").IsEmpty());
        // Net, VAT, gross, paid, credited, outstanding, days overdue.
        Assert.Equal([1_575m, 315m, 1_890m, 1_000m, 0m, 890m, 19m], Enumerable.Range(10, 7).Select(c => Number(sheet.Cell(4, c).Value)));
        Assert.Equal([-100m, -20m, -120m, 0m, 0m, 0m, 0m], Enumerable.Range(10, 7).Select(c => Number(sheet.Cell(5, c).Value)));
        Assert.Equal([0.1m, 0.02m, 0.12m], Enumerable.Range(10, 3).Select(c => Number(sheet.Cell(6, c).Value)));
        Assert.All(Enumerable.Range(4, 3).SelectMany(r => Enumerable.Range(10, 7).Select(c => sheet.Cell(r, c))), c => Assert.Equal(XLDataType.Number, c.DataType));
        Assert.Equal("£#,##0.00", sheet.Cell("J4").Style.NumberFormat.Format);

        // Totals on row 7: net 1,575.00 − 100.00 + 0.10 = 1,475.10; VAT 315.00 − 20.00 + 0.02 = 295.02;
        // gross 1,890.00 − 120.00 + 0.12 = 1,770.12; paid 1,000.00; credited 0; outstanding 890.00.
        decimal[] expected = [1_475.10m, 295.02m, 1_770.12m, 1_000m, 0m, 890m];
        var cells = Enumerable.Range(10, 6).Select(c => sheet.Cell(7, c)).ToList();
        Assert.Equal("Total", sheet.Cell("A7").GetString());
        Assert.Equal(["SUM(J4:J6)", "SUM(K4:K6)", "SUM(L4:L6)", "SUM(M4:M6)", "SUM(N4:N6)", "SUM(O4:O6)"], cells.Select(c => c.FormulaA1));
        Assert.Equal(expected, cells.Select(c => Number(c.CachedValue)));
        Assert.Equal((3, 1_475_10L, 295_02L, 1_770_12L, 890_00L), (totals.Rows, totals.Net.Pence, totals.Vat.Pence, totals.Gross.Pence, totals.Outstanding.Pence));
        workbook.RecalculateAllFormulas();
        Assert.Equal(expected, cells.Select(c => Math.Round(Number(c.Value), 2)));
        Assert.True(sheet.Row(8).IsEmpty());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public async Task WriteAsync_InjectionPayloads_ComeBackAsTextWithTheExactCharacters()
    {
        var rows = Payloads.Select(p => Rows(partnership: p, recipient: p)[0]).ToList();

        var (_, file, workbook) = await WriteAsync(rows);
        using var _ = workbook;
        var sheet = workbook.Worksheet("Register");

        for (var i = 0; i < Payloads.Length; i++)
        {
            foreach (var cell in new[] { sheet.Cell(4 + i, 4), sheet.Cell(4 + i, 6) })
            {
                Assert.False(cell.HasFormula, $"{cell.Address}: {Payloads[i]}");
                Assert.Equal(XLDataType.Text, cell.DataType);
                Assert.Equal(Payloads[i], cell.GetString());
            }
        }
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public async Task WriteAsync_NoRows_SaysSoAndHasNoTotals()
    {
        var (totals, file, workbook) = await WriteAsync([]);
        using var _ = workbook;
        var sheet = workbook.Worksheet("Register");

        Assert.Equal((0, "No invoices match."), (totals.Rows, sheet.Cell("A4").GetString()));
        Assert.False(sheet.Cell("J4").HasFormula);
        Assert.True(sheet.Row(5).IsEmpty());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }
}
