using ClosedXML.Excel;
using SharedServices.Core.Exports;
using SharedServices.Domain.Dates;

namespace SharedServices.Core.Invoicing;

public static partial class InvoiceWorkbook
{
    /// <summary>On the "Activity" and "Rates" sheets: a title, a blank row, then the header row.</summary>
    public const int ListHeaderRow = 3;
    public const int FirstListRow = 4;

    public static readonly IReadOnlyList<string> ActivityHeaders =
        ["From", "To", "Service", "Quantity", "Unit", "Actual cost", "Description", "Reference", "Source", "Entered by", "Entered (UK time)"];

    public static readonly IReadOnlyList<string> RateHeaders = ["Service", "Effective from", "Entered on", "Basis", "Rate", "Backdated"];

    public const string NoActivityText = "This invoice bills no activity records itself: its lines are instalments, shares or corrections of invoices whose workbooks list the activity.";

    private static readonly double[] ActivityWidths = [17, 17, 24, 10, 10, 13, 40, 16, 30, 18, 20];
    private static readonly double[] RateWidths = [26, 17, 17, 44, 13, 11];

    private static void WriteActivity(IXLWorksheet sheet, InvoiceWorkbookData data)
    {
        var row = ListStart(sheet, $"Activity billed on {KindText(data.Invoice.Kind).ToLowerInvariant()} {data.Invoice.Number}", ActivityHeaders);
        foreach (var a in data.Activity)
        {
            Date(sheet.Cell(row, 1), a.From);
            Date(sheet.Cell(row, 2), a.To);
            SafeText.Write(sheet.Cell(row, 3), a.ServiceName);
            if (a.Quantity is { } quantity) sheet.Cell(row, 4).SetValue(quantity);
            SafeText.Write(sheet.Cell(row, 5), a.Unit);
            if (a.ActualCost is { } cost) Money(sheet.Cell(row, 6), cost.Pounds);
            SafeText.Write(sheet.Cell(row, 7), a.Description);
            SafeText.Write(sheet.Cell(row, 8), a.Reference);
            SafeText.Write(sheet.Cell(row, 9), a.Source);
            SafeText.Write(sheet.Cell(row, 10), a.EnteredBy);
            var entered = sheet.Cell(row, 11);
            entered.SetValue(UkTime.FromUtc(a.EnteredAtUtc));
            entered.Style.NumberFormat.Format = DateTimeFormat;
            entered.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            ListRowStyle(sheet.Range(row, 1, row, ActivityHeaders.Count));
            row++;
        }
        ListEnd(sheet, data, row, data.Activity.Count == 0 ? NoActivityText : null, ActivityHeaders.Count, ActivityWidths);
    }

    private static void WriteRates(IXLWorksheet sheet, InvoiceWorkbookData data)
    {
        var row = ListStart(sheet, $"Rates applied on {KindText(data.Invoice.Kind).ToLowerInvariant()} {data.Invoice.Number}", RateHeaders);
        foreach (var rate in data.Rates)
        {
            SafeText.Write(sheet.Cell(row, 1), rate.ServiceName);
            Date(sheet.Cell(row, 2), rate.EffectiveFrom);
            Date(sheet.Cell(row, 3), rate.EnteredOn);
            SafeText.Write(sheet.Cell(row, 4), rate.Basis);
            if (rate.Rate is { } pounds) Money(sheet.Cell(row, 5), pounds.Pounds);
            SafeText.Write(sheet.Cell(row, 6), rate.IsBackdated ? "Yes" : "No");
            ListRowStyle(sheet.Range(row, 1, row, RateHeaders.Count));
            row++;
        }
        ListEnd(sheet, data, row, data.Rates.Count == 0 ? "No schedule of charges is recorded for these services." : null, RateHeaders.Count, RateWidths);
    }

    /// <summary>Writes the title and header row; returns the first data row.</summary>
    private static int ListStart(IXLWorksheet sheet, string title, IReadOnlyList<string> headers)
    {
        var cell = sheet.Cell(TitleRow, 1);
        SafeText.Write(cell, title);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 14;
        for (var c = 0; c < headers.Count; c++) SafeText.Write(sheet.Cell(ListHeaderRow, c + 1), headers[c]);
        HeaderStyle(sheet.Range(ListHeaderRow, 1, ListHeaderRow, headers.Count));
        return FirstListRow;
    }

    private static void ListEnd(IXLWorksheet sheet, InvoiceWorkbookData data, int row, string? emptyText, int columns, double[] widths)
    {
        if (emptyText is not null)
        {
            SafeText.Write(sheet.Cell(FirstListRow, 1), emptyText);
            sheet.Cell(FirstListRow, 1).Style.Font.Italic = true;
        }
        else
        {
            sheet.Range(ListHeaderRow, 1, row - 1, columns).SetAutoFilter();
        }
        sheet.SheetView.FreezeRows(ListHeaderRow);
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        PrintSetup(sheet, data, XLPageOrientation.Landscape);
        sheet.PageSetup.SetRowsToRepeatAtTop(ListHeaderRow, ListHeaderRow);
    }

    private static void ListRowStyle(IXLRange cells)
    {
        cells.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        cells.Style.Alignment.WrapText = true;
    }
}
