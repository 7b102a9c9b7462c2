using ClosedXML.Excel;
using SharedServices.Core.Exports;

namespace SharedServices.Core.Invoicing;

/// <summary>
/// The pieces the small report workbooks (aged debt, settlement statement) share, in the invoice workbook's style:
/// a bold title, a note, a pale blue header row that stays on screen, money as £#,##0.00, formulas with their values
/// cached, set column widths and an A4 page one page wide.
/// </summary>
internal sealed class ReportSheet(IXLWorksheet sheet)
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E1F2");

    public IXLWorksheet Sheet { get; } = sheet;

    /// <summary>The formula cells written so far, with the values they must show.</summary>
    public List<CachedFormulaValue> Formulas { get; } = [];

    public void Title(string title, string note)
    {
        var cell = Sheet.Cell(1, 1);
        SafeText.Write(cell, title);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 14;
        SafeText.Write(Sheet.Cell(2, 1), note);
    }

    public void Headers(int row, IReadOnlyList<string> headers)
    {
        for (var c = 0; c < headers.Count; c++) SafeText.Write(Sheet.Cell(row, c + 1), headers[c]);
        var range = Sheet.Range(row, 1, row, headers.Count);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    public void Text(int row, int column, string? text, bool bold = false)
    {
        var cell = Sheet.Cell(row, column);
        SafeText.Write(cell, text);
        cell.Style.Font.Bold = bold;
    }

    public void Money(int row, int column, decimal pounds)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(pounds);
        cell.Style.NumberFormat.Format = InvoiceWorkbook.MoneyFormat;
    }

    /// <summary>A formula in pounds, and the value it must come to (cached in the file, and checked by the tests).</summary>
    public void MoneyFormula(int row, int column, string formula, decimal pounds, bool total = false)
    {
        var cell = Sheet.Cell(row, column);
        cell.FormulaA1 = formula;
        cell.Style.NumberFormat.Format = InvoiceWorkbook.MoneyFormat;
        if (total)
        {
            cell.Style.Font.Bold = true;
            cell.Style.Border.TopBorder = XLBorderStyleValues.Thin;
            cell.Style.Border.BottomBorder = XLBorderStyleValues.Double;
        }
        Formulas.Add(new CachedFormulaValue(Sheet.Name, cell.Address.ToStringRelative(), pounds));
    }

    /// <summary>Freezes the rows down to the header, sets the widths and the A4 page (landscape, one page wide, the title in the page header).</summary>
    public void Finish(int headerRow, IReadOnlyList<double> widths, string pageHeader)
    {
        Sheet.SheetView.FreezeRows(headerRow);
        for (var c = 0; c < widths.Count; c++) Sheet.Column(c + 1).Width = widths[c];
        var page = Sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.Header.Left.AddText(InvoiceWorkbook.HeaderText(pageHeader));
        page.Footer.Right.AddText("Page &P of &N");
        page.SetRowsToRepeatAtTop(headerRow, headerRow);
    }

    public static string Column(int column) => XLHelper.GetColumnLetterFromNumber(column);
}
