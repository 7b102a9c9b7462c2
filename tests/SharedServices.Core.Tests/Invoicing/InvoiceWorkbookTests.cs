using System.Globalization;
using ClosedXML.Excel;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Tests.Exports;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Tests.Invoicing;

using SharedServices.Domain.Money;

/// <summary>The workbook written from data built by hand, so every cell can be checked without a database.</summary>
public sealed class InvoiceWorkbookTests
{
    private static readonly DateRange October2013 = new(new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 31));
    private static readonly DateTime EnteredUtc = new(2013, 11, 4, 9, 30, 0, DateTimeKind.Utc);

    private static InvoiceLine Line(string service, string explanation, decimal? quantity, long? ratePence, long netPence, decimal vatPercent, long vatPence) =>
        new(1, service, RechargeLineKind.Quantity, explanation, October2013, quantity, quantity is null ? null : "day",
            ratePence is { } r ? new Money(r) : null,
            new LineVat(new Money(netPence), vatPercent == 0 ? VatTreatment.OutsideTheScope : VatTreatment.StandardRated, vatPercent, new Money(vatPence)));

    /// <summary>
    /// Three standard-rated lines chosen to trip binary floating point: £0.10, £0.20 and £1,234.57 net; VAT at 20%
    /// £0.02, £0.04 and £246.91 (246.914 rounded); £1,234.87 net, £246.97 VAT, £1,481.84 gross.
    /// </summary>
    internal static Invoice Pennies(string? purchaseOrder = "PO-4471")
    {
        var invoice = new Invoice(InvoiceKind.Invoice, 1, 1, 2, October2013, "October 2013", 30, purchaseOrder);
        invoice.AddLine(Line("Educational psychology", "0.1 hours × £1.00", 0.1m, 1_00, 10, 20m, 2));
        invoice.AddLine(Line("Educational psychology", "0.2 hours × £1.00", 0.2m, 1_00, 20, 20m, 4));
        invoice.AddLine(Line("Admissions", "Share of the admissions team", null, null, 1_234_57, 20m, 246_91));
        invoice.Issue("TFC-2013/14-0001", new DateOnly(2013, 11, 1), TestParties.Any);
        return invoice;
    }

    /// <summary>A credit note of 2 days × £12.00 = £24.00, outside the scope of VAT, on payment terms of 30 days like its invoice.</summary>
    private static Invoice CreditNote()
    {
        var note = new Invoice(InvoiceKind.CreditNote, 1, 1, 2, October2013, "October 2013", 30, null, correctsInvoiceId: 7);
        note.AddLine(Line("Educational psychology", "2 days × £12.00 difference", 2m, 12_00, 24_00, 0m, 0));
        note.Issue("TFC-CN-2013/14-0001", new DateOnly(2013, 12, 2), TestParties.Any);
        return note;
    }

    internal static InvoiceWorkbookData Data(Invoice invoice, IReadOnlyList<InvoicedActivity>? activity = null, string? corrects = null,
        InvoiceParty? provider = null, InvoiceParty? recipient = null) =>
        new(invoice, provider ?? new InvoiceParty("Testford & District Council", "TFC"), recipient ?? new InvoiceParty("Otherby Council", "OBC"),
            "Testford and Otherby", "testford-otherby", corrects, activity ?? [],
            [new AppliedRate("Educational psychology", new DateOnly(2012, 4, 1), new DateOnly(2012, 4, 1), "Day rate £450.00", new Money(450_00), false)],
            [new ServicePosting("Educational psychology", new PostingDetails("4100", "EP01", "5200", "SEN02", "PO-4471"))]);

    internal static (byte[] File, XLWorkbook Workbook) Write(InvoiceWorkbookData data)
    {
        var stream = new MemoryStream();
        InvoiceWorkbook.Write(data, stream);
        var file = stream.ToArray();
        return (file, new XLWorkbook(new MemoryStream(file)));
    }

    [Theory]
    [InlineData("SCC-2013/14-0001", "SCC-2013-14-0001.xlsx")]
    [InlineData("SCC-CN-2013/14-0012", "SCC-CN-2013-14-0012.xlsx")]
    public void FileName_NumberWithSlash_HyphenInstead(string number, string expected) =>
        Assert.Equal(expected, InvoiceWorkbook.FileName(number));

    [Fact]
    public void Write_Totals_AreFormulasWhoseValuesAreTheStoredTotalsToThePenny()
    {
        var (file, workbook) = Write(Data(Pennies()));
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        // Lines on rows 13 to 15; a blank row; Subtotal, VAT and Total on rows 17 to 19 in column J.
        Assert.Equal(("Subtotal", "SUM(F13:F15)"), (sheet.Cell("G17").GetString(), sheet.Cell("J17").FormulaA1));
        Assert.Equal(("VAT", "SUM(I13:I15)"), (sheet.Cell("G18").GetString(), sheet.Cell("J18").FormulaA1));
        Assert.Equal(("Total", "J17+J18"), (sheet.Cell("G19").GetString(), sheet.Cell("J19").FormulaA1));
        decimal[] expected = [1_234.87m, 246.97m, 1_481.84m];
        string[] cells = ["J17", "J18", "J19"];
        Assert.Equal(expected, cells.Select(c => Convert.ToDecimal(sheet.Cell(c).CachedValue, CultureInfo.InvariantCulture)));
        workbook.RecalculateAllFormulas();
        Assert.Equal(expected, cells.Select(c => Math.Round(Convert.ToDecimal(sheet.Cell(c).Value, CultureInfo.InvariantCulture), 2)));
        Assert.All(cells, c => Assert.Equal("£#,##0.00", sheet.Cell(c).Style.NumberFormat.Format));
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void Write_LineWithoutQuantity_LeavesQuantityUnitAndRateEmpty()
    {
        var (_, workbook) = Write(Data(Pennies()));
        using var _w = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal(("Admissions", "Share of the admissions team"), (sheet.Cell("A15").GetString(), sheet.Cell("B15").GetString()));
        Assert.True(sheet.Cell("C15").IsEmpty() && sheet.Cell("D15").IsEmpty() && sheet.Cell("E15").IsEmpty());
        Assert.Equal((1_234.57, 246.91, 1_481.48), (sheet.Cell("F15").GetDouble(), sheet.Cell("I15").GetDouble(), sheet.Cell("J15").GetDouble()));
    }

    [Fact]
    public void Write_CreditNote_SaysWhichInvoiceItCorrectsAndThatNothingIsDue()
    {
        var (file, workbook) = Write(Data(CreditNote(), corrects: "TFC-2013/14-0003"));
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal("Credit note TFC-CN-2013/14-0001", sheet.Cell("A1").GetString());
        Assert.Equal("Credit note correcting invoice TFC-2013/14-0003: it reduces what Otherby Council owes.", sheet.Cell("A2").GetString());
        Assert.Equal(("Corrects invoice", "TFC-2013/14-0003"), (sheet.Cell("A10").GetString(), sheet.Cell("B10").GetString()));
        Assert.Equal(("Credit note number", "TFC-CN-2013/14-0001"), (sheet.Cell("G3").GetString(), sheet.Cell("J3").GetString()));
        Assert.Equal(("Due date", "No payment due"), (sheet.Cell("G5").GetString(), sheet.Cell("J5").GetString()));
        Assert.Equal("None given", sheet.Cell("J6").GetString());
        // One line on row 13; totals on rows 15 to 17: 2 × £12.00 = £24.00 credited, outside the scope of VAT.
        Assert.Equal(("Total credited", 24.00m), (sheet.Cell("G17").GetString(), Convert.ToDecimal(sheet.Cell("J17").CachedValue, CultureInfo.InvariantCulture)));
        Assert.Equal("About this credit note", sheet.Cell("A19").GetString());
        Assert.Equal("No payment is due: this credit note reduces what Otherby Council owes Testford & District Council on invoice TFC-2013/14-0003.",
            sheet.Cell("A20").GetString());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void Write_CreditNote_NoPaymentTerms_FooterSaysCreditNote()
    {
        var (file, workbook) = Write(Data(CreditNote(), corrects: "TFC-2013/14-0003"));
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        // Details on the right run from row 3: number, date, due date, purchase order, period, from, to, then terms on row 10.
        Assert.Equal(("Payment terms", "Not applicable"), (sheet.Cell("G10").GetString(), sheet.Cell("J10").GetString()));
        Assert.Equal(XLDataType.Text, sheet.Cell("J10").DataType);
        Assert.Equal("TFC-CN-2013/14-0001, Credit note", sheet.PageSetup.Footer.Left.GetText(XLHFOccurrence.OddPages));
        Assert.Equal("TFC-CN-2013/14-0001, Activity", workbook.Worksheet("Activity").PageSetup.Footer.Left.GetText(XLHFOccurrence.OddPages));
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void Write_Invoice_PaymentTermsInDays_FooterSaysInvoice()
    {
        var (_, workbook) = Write(Data(Pennies()));
        using var _w = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal(("Payment terms", 30), (sheet.Cell("G10").GetString(), sheet.Cell("J10").GetValue<int>()));
        Assert.Equal("TFC-2013/14-0001, Invoice", sheet.PageSetup.Footer.Left.GetText(XLHFOccurrence.OddPages));
    }

    [Fact]
    public void Write_EveryColumnOfTheActivityAndRatesSheets_HasItsWidthSet()
    {
        var (file, _w) = Write(Data(Pennies()));
        using var _ = _w;

        // ClosedXML writes each width with its 0.71 padding added (17 is written 17.71). Equal neighbours share one
        // <col> element (From and To, 17 and 17, are min 1 max 2), so counting elements undercounts the columns.
        Assert.Equal(new[] { 17.71, 17.71, 24.71, 10.71, 10.71, 13.71, 40.71, 16.71, 30.71, 18.71, 20.71 }, Widths(file, "Activity", 11));
        Assert.Equal(new[] { 26.71, 17.71, 17.71, 44.71, 13.71, 11.71 }, Widths(file, "Rates", 6));
    }

    /// <summary>The widths written for columns 1 to <paramref name="columns"/> of <paramref name="sheet"/>; 0 where none is set.</summary>
    private static double[] Widths(byte[] file, string sheet, int columns)
    {
        var set = WorkbookChecks.ColumnWidths(file, sheet).ToDictionary(w => w.Column, w => w.Width);
        return Enumerable.Range(1, columns).Select(c => set.TryGetValue(c, out var width) ? Math.Round(width, 2) : 0).ToArray();
    }

    [Fact]
    public void Write_PageSetup_A4PortraitOnePageWide_WithHeaderFooterAndFrozenLineHeader()
    {
        var (_, workbook) = Write(Data(Pennies()));
        using var _w = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal((XLPaperSize.A4Paper, XLPageOrientation.Portrait), (sheet.PageSetup.PaperSize, sheet.PageSetup.PageOrientation));
        Assert.Equal((1, 0), (sheet.PageSetup.PagesWide, sheet.PageSetup.PagesTall));
        Assert.Equal(12, sheet.SheetView.SplitRow);
        Assert.Equal(["Service", "Explanation", "Quantity", "Unit", "Rate", "Net", "VAT treatment", "VAT %", "VAT", "Gross"],
            Enumerable.Range(1, 10).Select(c => sheet.Cell(12, c).GetString()));
        Assert.Equal(new double[] { 26, 52, 10, 10, 12, 14, 20, 8, 12, 20 }, Enumerable.Range(1, 10).Select(c => sheet.Column(c).Width));
        // The ampersand in the council's name is doubled so that it prints as itself, not as a code.
        Assert.Equal("Testford && District Council", sheet.PageSetup.Header.Left.GetText(XLHFOccurrence.OddPages));
        Assert.Equal("Invoice TFC-2013/14-0001", sheet.PageSetup.Header.Right.GetText(XLHFOccurrence.OddPages));
        Assert.Equal("Page &P of &N", sheet.PageSetup.Footer.Right.GetText(XLHFOccurrence.OddPages));
    }

    [Fact]
    public void Write_InjectionPayloads_InEveryTypedField_ComeBackAsTextWithTheExactCharacters()
    {
        string[] payloads = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];
        var activity = payloads.Select((p, i) => new InvoicedActivity(new DateOnly(2013, 10, i + 1), new DateOnly(2013, 10, i + 1),
            p, 1m, p, null, p, p, p, p, EnteredUtc)).ToList();

        foreach (var payload in payloads)
        {
            var (file, workbook) = Write(Data(Pennies(purchaseOrder: payload), activity));
            using var _ = workbook;
            var po = workbook.Worksheet("Invoice").Cell("J6");
            Assert.True(po.DataType == XLDataType.Text && !po.HasFormula && po.GetString() == payload, $"Purchase order {Escape(payload)} came back as {Escape(po.GetString())}");
            Assert.Empty(WorkbookChecks.ValidationErrors(file));
        }

        var (_, sheets) = Write(Data(Pennies(), activity));
        using var _s = sheets;
        var rows = sheets.Worksheet("Activity");
        for (var i = 0; i < payloads.Length; i++)
        {
            // Service, unit, description, reference, import file (in the source) and who entered it.
            foreach (var (column, expected) in new[] { (3, payloads[i]), (5, payloads[i]), (7, payloads[i]), (8, payloads[i]), (9, $"Imported from {payloads[i]}"), (10, payloads[i]) })
            {
                var cell = rows.Cell(4 + i, column);
                Assert.True(cell.DataType == XLDataType.Text && !cell.HasFormula && cell.GetString() == expected,
                    $"Activity {cell.Address}: {Escape(expected)} came back as {Escape(cell.GetString())} ({cell.DataType})");
            }
        }
    }

    [Fact]
    public void Write_NoActivity_SaysSo()
    {
        var (_, workbook) = Write(Data(Pennies()));
        using var _w = workbook;

        Assert.Equal(InvoiceWorkbook.NoActivityText, workbook.Worksheet("Activity").Cell("A4").GetString());
    }

    [Fact]
    public void Write_Draft_Refused()
    {
        var draft = new Invoice(InvoiceKind.Invoice, 1, 1, 2, October2013, "October 2013", 30);
        draft.AddLine(Line("Educational psychology", "1 day × £450.00", 1m, 450_00, 450_00, 0m, 0));

        Assert.Throws<ArgumentException>(() => InvoiceWorkbook.Write(Data(draft), new MemoryStream()));
    }

    private static string Escape(string text) => text.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
