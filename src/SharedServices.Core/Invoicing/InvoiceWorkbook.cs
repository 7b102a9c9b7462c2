using ClosedXML.Excel;
using SharedServices.Core.Exports;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Invoicing;

/// <summary>
/// The Excel workbook an invoice (or supplementary invoice, or credit note) is sent as. Sheet "Invoice" has the
/// header, the lines and totals that are live formulas adding up to the stored totals, and how to pay; sheet
/// "Activity" every activity record billed, with its source; sheet "Rates" the rate versions the lines used.
/// Figures are real numbers and dates; text anyone typed is written as text, never as a formula.
/// </summary>
public static partial class InvoiceWorkbook
{
    public const string InvoiceSheet = "Invoice";
    public const string ActivitySheet = "Activity";
    public const string RatesSheet = "Rates";

    public const string MoneyFormat = "£#,##0.00";
    public const string DateFormat = "d mmmm yyyy";
    public const string DateTimeFormat = "d mmmm yyyy hh:mm";
    public const string PercentFormat = "0.0%";
    public const string AddressNotRecorded = "Address not recorded";
    public const string VatRegistrationNotRecorded = "VAT registration not recorded";

    public const int TitleRow = 1;
    public const int FirstDetailRow = 3;

    /// <summary>The line table's header row: the rows down to it stay on screen, and it repeats on each printed page.</summary>
    public const int LineHeaderRow = 12;
    public const int FirstLineRow = 13;

    public static readonly IReadOnlyList<string> LineHeaders =
        ["Service", "Explanation", "Quantity", "Unit", "Rate", "Net", "VAT treatment", "VAT %", "VAT", "Gross"];

    private const int NetColumn = 6;
    private const int VatColumn = 9;
    private const int GrossColumn = 10;
    private static readonly double[] LineWidths = [26, 52, 10, 10, 12, 14, 20, 8, 12, 20];
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E1F2");

    /// <summary>The file name for invoice <paramref name="number"/>: "SCC-2013-14-0001.xlsx" (a file name cannot hold the slash).</summary>
    public static string FileName(string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var safe = new string(number.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return safe + ".xlsx";
    }

    /// <summary>"Invoice", "Supplementary invoice" or "Credit note".</summary>
    public static string KindText(InvoiceKind kind) => kind switch
    {
        InvoiceKind.CreditNote => "Credit note",
        InvoiceKind.Supplementary => "Supplementary invoice",
        _ => "Invoice",
    };

    public static void Write(InvoiceWorkbookData data, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        if (!data.Invoice.IsIssued) throw new ArgumentException("Only an issued invoice has a workbook.", nameof(data));

        using var workbook = new XLWorkbook();
        workbook.Properties.Author = data.Provider.Name;
        workbook.Properties.Title = $"{KindText(data.Invoice.Kind)} {data.Invoice.Number}";
        var totals = WriteInvoice(workbook.Worksheets.Add(InvoiceSheet), data);
        WriteActivity(workbook.Worksheets.Add(ActivitySheet), data);
        WriteRates(workbook.Worksheets.Add(RatesSheet), data);
        WorkbookFile.Save(workbook, output, totals);
    }

    private static List<CachedFormulaValue> WriteInvoice(IXLWorksheet sheet, InvoiceWorkbookData data)
    {
        var invoice = data.Invoice;
        var kind = KindText(invoice.Kind);
        var credit = invoice.Kind == InvoiceKind.CreditNote;

        var title = sheet.Cell(TitleRow, 1);
        SafeText.Write(title, $"{kind} {invoice.Number}");
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 16;
        if (Subtitle(data) is { } subtitle) SafeText.Write(sheet.Cell(TitleRow + 1, 1), subtitle);

        // Left: who from and to. Right: the invoice's own particulars.
        string? correctsLabel = data.CorrectsInvoiceNumber is null ? null : credit ? "Corrects invoice" : "Supplements invoice";
        (string Label, string? Value)[] left =
        [
            ("From", data.Provider.Name), ("Address", AddressText(data.Provider)), ("VAT registration", VatText(data.Provider)),
            ("To", data.Recipient.Name), ("Address", AddressText(data.Recipient)), ("Partnership", data.PartnershipName),
            ("Agreement reference", data.PartnershipCode),
        ];
        var row = FirstDetailRow;
        foreach (var (label, value) in left) Detail(sheet, row++, 1, label, value);
        if (correctsLabel is not null) Detail(sheet, row, 1, correctsLabel, data.CorrectsInvoiceNumber);

        row = FirstDetailRow;
        Detail(sheet, row++, 7, $"{kind} number", invoice.Number);
        DateDetail(sheet, row++, $"{(credit ? "Credit note" : "Invoice")} date", invoice.IssuedOn!.Value);
        if (credit) Detail(sheet, row++, 7, "Due date", "No payment due");
        else DateDetail(sheet, row++, "Due date", invoice.DueOn!.Value);
        Detail(sheet, row++, 7, "Your purchase order", invoice.PurchaseOrder ?? "None given");
        Detail(sheet, row++, 7, "Period", invoice.PeriodLabel);
        DateDetail(sheet, row++, "Period from", invoice.PeriodFrom);
        DateDetail(sheet, row++, "Period to", invoice.PeriodTo);
        if (credit)
        {
            // Nothing is paid on a credit note, so the terms it carries from its partnership mean nothing here.
            Detail(sheet, row, 7, "Payment terms", "Not applicable");
        }
        else
        {
            Label(sheet, row, 7, "Payment terms");
            var terms = sheet.Cell(row, 10);
            terms.SetValue(invoice.PaymentTermsDays);
            terms.Style.NumberFormat.Format = "0 \"days\"";
            terms.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        }

        for (var c = 0; c < LineHeaders.Count; c++) SafeText.Write(sheet.Cell(LineHeaderRow, c + 1), LineHeaders[c]);
        HeaderStyle(sheet.Range(LineHeaderRow, 1, LineHeaderRow, LineHeaders.Count));

        row = FirstLineRow;
        foreach (var line in invoice.Lines)
        {
            SafeText.Write(sheet.Cell(row, 1), line.ServiceName);
            SafeText.Write(sheet.Cell(row, 2), line.Explanation);
            if (line.Quantity is { } quantity) sheet.Cell(row, 3).SetValue(quantity);
            SafeText.Write(sheet.Cell(row, 4), line.Unit);
            if (line.Rate is { } rate) Money(sheet.Cell(row, 5), rate.Pounds);
            Money(sheet.Cell(row, NetColumn), line.Net.Pounds);
            SafeText.Write(sheet.Cell(row, 7), line.Treatment.DisplayName());
            sheet.Cell(row, 8).SetValue(line.VatPercent / 100m).Style.NumberFormat.Format = PercentFormat;
            Money(sheet.Cell(row, VatColumn), line.Vat.Pounds);
            Money(sheet.Cell(row, GrossColumn), line.Gross.Pounds);
            var cells = sheet.Range(row, 1, row, LineHeaders.Count);
            cells.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            cells.Style.Alignment.WrapText = true;
            row++;
        }
        var lastLine = row - 1;

        var subtotalRow = lastLine + 2;
        var totals = new List<CachedFormulaValue>
        {
            Total(sheet, subtotalRow, "Subtotal", $"SUM({Column(NetColumn)}{FirstLineRow}:{Column(NetColumn)}{lastLine})", invoice.Net.Pounds),
            Total(sheet, subtotalRow + 1, "VAT", $"SUM({Column(VatColumn)}{FirstLineRow}:{Column(VatColumn)}{lastLine})", invoice.Vat.Pounds),
            Total(sheet, subtotalRow + 2, credit ? "Total credited" : "Total",
                $"{Column(GrossColumn)}{subtotalRow}+{Column(GrossColumn)}{subtotalRow + 1}", invoice.Gross.Pounds),
        };
        var total = sheet.Range(subtotalRow + 2, 7, subtotalRow + 2, GrossColumn);
        total.Style.Font.Bold = true;
        total.Style.Border.TopBorder = XLBorderStyleValues.Thin;
        total.Style.Border.BottomBorder = XLBorderStyleValues.Double;

        row = WriteInstructions(sheet, subtotalRow + 4, data);
        WritePosting(sheet, row + 1, data.Posting);

        sheet.SheetView.FreezeRows(LineHeaderRow);
        for (var c = 0; c < LineWidths.Length; c++) sheet.Column(c + 1).Width = LineWidths[c];
        PrintSetup(sheet, data, XLPageOrientation.Portrait);
        sheet.PageSetup.SetRowsToRepeatAtTop(LineHeaderRow, LineHeaderRow);
        return totals;
    }

    private static string? Subtitle(InvoiceWorkbookData data) => (data.Invoice.Kind, data.CorrectsInvoiceNumber) switch
    {
        (InvoiceKind.CreditNote, { } corrects) => $"Credit note correcting invoice {corrects}: it reduces what {data.Recipient.Name} owes.",
        (InvoiceKind.Supplementary, { } corrects) => $"Supplementary to invoice {corrects}: each line names the invoices it corrects.",
        (InvoiceKind.Supplementary, null) => "Supplementary invoice: each line names the invoices it corrects.",
        _ => null,
    };

    private static void WritePosting(IXLWorksheet sheet, int row, IReadOnlyList<ServicePosting> posting)
    {
        if (posting.Count == 0) return;
        var heading = sheet.Cell(row++, 1);
        SafeText.Write(heading, "Posting codes");
        heading.Style.Font.Bold = true;
        string[] headers = ["Service", "Your ledger code", "Your cost centre", "Our ledger code", "Our cost centre"];
        // Columns A, B, F, G and J: the widest of the line table.
        int[] columns = [1, 2, 6, 7, 10];
        for (var c = 0; c < headers.Length; c++) SafeText.Write(sheet.Cell(row, columns[c]), headers[c]);
        foreach (var c in columns) HeaderStyle(sheet.Range(row, c, row, c));
        foreach (var p in posting)
        {
            row++;
            string?[] values = [p.ServiceName, p.Posting.RecipientLedgerCode, p.Posting.RecipientCostCentre, p.Posting.ProviderLedgerCode, p.Posting.ProviderCostCentre];
            for (var c = 0; c < values.Length; c++) SafeText.Write(sheet.Cell(row, columns[c]), values[c]);
        }
    }

    private static CachedFormulaValue Total(IXLWorksheet sheet, int row, string label, string formula, decimal stored)
    {
        Label(sheet, row, 7, label);
        var cell = sheet.Cell(row, GrossColumn);
        cell.FormulaA1 = formula;
        cell.Style.NumberFormat.Format = MoneyFormat;
        return new CachedFormulaValue(InvoiceSheet, cell.Address.ToStringRelative(), stored);
    }

    private static void Detail(IXLWorksheet sheet, int row, int column, string label, string? value)
    {
        Label(sheet, row, column, label);
        var cell = sheet.Cell(row, column == 1 ? 2 : 10);
        SafeText.Write(cell, value);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        if (value?.Contains('\n', StringComparison.Ordinal) != true) return;
        // An address, one line per line: wrapped, and the row made tall enough to show every line (Excel does not
        // grow a row to fit a file's text until the cell is edited).
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Cell(row, column).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Row(row).Height = LinePoints * (value.Count(c => c == '\n') + 1);
    }

    private static void DateDetail(IXLWorksheet sheet, int row, string label, DateOnly date)
    {
        Label(sheet, row, 7, label);
        Date(sheet.Cell(row, 10), date);
    }

    /// <summary>A label, bold; on the right-hand side it spans G to I, so it has room beside the narrow columns.</summary>
    private static void Label(IXLWorksheet sheet, int row, int column, string label)
    {
        var cell = sheet.Cell(row, column);
        SafeText.Write(cell, label);
        cell.Style.Font.Bold = true;
        if (column == 7) sheet.Range(row, 7, row, 9).Merge();
    }

    private static void Money(IXLCell cell, decimal pounds)
    {
        cell.SetValue(pounds);
        cell.Style.NumberFormat.Format = MoneyFormat;
    }

    private static void Date(IXLCell cell, DateOnly date)
    {
        cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
        cell.Style.NumberFormat.Format = DateFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
    }

    private static void HeaderStyle(IXLRange header)
    {
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    private static string Column(int column) => XLHelper.GetColumnLetterFromNumber(column);

    /// <summary>A4, one page wide, with the invoice number in the header and page numbers in the footer.</summary>
    private static void PrintSetup(IXLWorksheet sheet, InvoiceWorkbookData data, XLPageOrientation orientation)
    {
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = orientation;
        page.FitToPages(1, 0);
        page.Margins.Left = page.Margins.Right = 0.5;
        page.Margins.Top = page.Margins.Bottom = 0.75;
        page.Margins.Header = page.Margins.Footer = 0.3;
        page.Header.Left.AddText(HeaderText(data.Provider.Name));
        page.Header.Right.AddText(HeaderText($"{KindText(data.Invoice.Kind)} {data.Invoice.Number}"));
        // The first sheet is named "Invoice" whatever the kind; its footer says what the document is.
        var part = sheet.Name == InvoiceSheet ? KindText(data.Invoice.Kind) : sheet.Name;
        page.Footer.Left.AddText(HeaderText($"{data.Invoice.Number}, {part}"));
        page.Footer.Right.AddText("Page &P of &N");
    }

    /// <summary>An ampersand starts a code in a page header ("&amp;P" is the page number): a typed one is doubled to print as itself.</summary>
    public static string HeaderText(string text) => (text ?? "").Replace("&", "&&", StringComparison.Ordinal);
}
