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
    /// An invoice part-paid and part-credited (£1,575.00 net, £315.00 VAT, £1,890.00 gross, £1,000.00 paid, £120.00
    /// credited, 1,890.00 − 1,000.00 − 120.00 = £770.00 outstanding, 19 days overdue); the credit note of £100.00 +
    /// £20.00 VAT against it, negative; a draft of £0.10 + £0.02 VAT.
    /// </summary>
    private static InvoiceRegisterRow[] Rows(string partnership = "Southampton and Isle of Wight", string recipient = "Isle of Wight Council") =>
    [
        new("SCC-2013/14-0001", InvoiceKind.Invoice, InvoiceStatus.PartPaid, partnership, "Southampton City Council", recipient, "October 2013",
            new DateOnly(2013, 11, 1), new DateOnly(2013, 12, 1), new Money(1_575_00), new Money(315_00), new Money(1_890_00), new Money(1_000_00),
            new Money(120_00), new Money(770_00), 19),
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
    public async Task WriteAsync_ThreeRows_RealDatesAndNumbers_TotalsOfIssuedInvoicesOnly_CreditNotesAndDraftsOnRowsOfTheirOwn_ValidFile()
    {
        var (totals, file, workbook) = await WriteAsync(Rows());
        using var _ = workbook;
        var sheet = workbook.Worksheet("Register");

        Assert.Equal("Invoice register on 20 December 2013", sheet.Cell("A1").GetString());
        Assert.Equal("Every invoice and credit note. The total is of issued invoices only, so on it Gross − Paid − Credited = Outstanding. " +
                     "Credit notes are negative and added up on their own row (each is already in the Credited column of the invoice it corrects); " +
                     "drafts are listed but not owed, and added up on the last row.", sheet.Cell("A2").GetString());
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
        Assert.Equal([1_575m, 315m, 1_890m, 1_000m, 120m, 770m, 19m], Enumerable.Range(10, 7).Select(c => Number(sheet.Cell(4, c).Value)));
        Assert.Equal([-100m, -20m, -120m, 0m, 0m, 0m, 0m], Enumerable.Range(10, 7).Select(c => Number(sheet.Cell(5, c).Value)));
        Assert.Equal([0.1m, 0.02m, 0.12m], Enumerable.Range(10, 3).Select(c => Number(sheet.Cell(6, c).Value)));
        Assert.All(Enumerable.Range(4, 3).SelectMany(r => Enumerable.Range(10, 7).Select(c => sheet.Cell(r, c))), c => Assert.Equal(XLDataType.Number, c.DataType));
        Assert.Equal("£#,##0.00", sheet.Cell("J4").Style.NumberFormat.Format);

        // Row 7, the issued invoice alone: 1,575.00 net, 315.00 VAT, 1,890.00 gross, 1,000.00 paid, 120.00 credited,
        // 770.00 outstanding; 1,890.00 − 1,000.00 − 120.00 = 770.00. Row 8, the credit note: −100.00, −20.00, −120.00.
        // Row 9, the draft: 0.10, 0.02, 0.12.
        decimal[] invoices = [1_575m, 315m, 1_890m, 1_000m, 120m, 770m];
        decimal[] credit = [-100m, -20m, -120m];
        decimal[] drafts = [0.1m, 0.02m, 0.12m];
        var total = Enumerable.Range(10, 6).Select(c => sheet.Cell(7, c)).ToList();
        var creditNotes = Enumerable.Range(10, 3).Select(c => sheet.Cell(8, c)).ToList();
        var draftCells = Enumerable.Range(10, 3).Select(c => sheet.Cell(9, c)).ToList();
        Assert.Equal(["Total of issued invoices", "Credit notes issued", "Drafts, not in the totals"], Enumerable.Range(7, 3).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal("SUMIFS(J4:J6,B4:B6,\"<>Credit note\",C4:C6,\"<>Draft\")", total[0].FormulaA1);
        Assert.Equal("SUMIFS(O4:O6,B4:B6,\"<>Credit note\",C4:C6,\"<>Draft\")", total[5].FormulaA1);
        Assert.Equal("SUMIFS(L4:L6,B4:B6,\"Credit note\",C4:C6,\"<>Draft\")", creditNotes[2].FormulaA1);
        Assert.Equal("SUMIFS(J4:J6,C4:C6,\"Draft\")", draftCells[0].FormulaA1);
        Assert.True(sheet.Range("M8:O9").IsEmpty());
        Assert.Equal(invoices, total.Select(c => Number(c.CachedValue)));
        Assert.Equal(credit, creditNotes.Select(c => Number(c.CachedValue)));
        Assert.Equal(drafts, draftCells.Select(c => Number(c.CachedValue)));
        Assert.Equal((3, 1_575_00L, 315_00L, 1_890_00L, 1_000_00L, 120_00L, 770_00L),
            (totals.Rows, totals.Net.Pence, totals.Vat.Pence, totals.Gross.Pence, totals.Paid.Pence, totals.Credited.Pence, totals.Outstanding.Pence));
        Assert.Equal(new InvoiceRegisterSubtotal(1, new Money(-100_00), new Money(-20_00), new Money(-120_00)), totals.CreditNotes);
        Assert.Equal(new InvoiceRegisterSubtotal(1, new Money(10), new Money(2), new Money(12)), totals.Drafts);
        Assert.Equal(Number(total[5].CachedValue), Number(total[2].CachedValue) - Number(total[3].CachedValue) - Number(total[4].CachedValue));
        // Not recalculated with ClosedXML: 0.95.4 gets SUMIFS wrong ("<>Credit note" matches a credit note, and two
        // criteria throw InvalidCastException), where Excel follows the standard; the formulas are checked as text above.
        Assert.True(sheet.Row(10).IsEmpty());
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
