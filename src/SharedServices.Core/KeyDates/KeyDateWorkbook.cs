using ClosedXML.Excel;
using SharedServices.Core.Exports;
using SharedServices.Domain.Dates;
using SharedServices.Domain.KeyDates;

namespace SharedServices.Core.KeyDates;

/// <summary>
/// Key dates as an Excel workbook: one sheet "Key dates" with a title, a filterable header row and one row per date,
/// coloured by how soon it falls.
/// </summary>
public static class KeyDateWorkbook
{
    public const string SheetName = "Key dates";
    public const string DateFormat = "d mmmm yyyy";
    public const string EmptyText = "No key dates in this period.";

    /// <summary>Row of the title; a blank row follows, then the header.</summary>
    public const int TitleRow = 1;
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;

    /// <summary>Fill for dates already passed or within 30 days (Excel's "light red").</summary>
    public static readonly XLColor UrgentFill = XLColor.FromHtml("#FFC7CE");

    /// <summary>Fill for dates within 90 days (amber).</summary>
    public static readonly XLColor SoonFill = XLColor.FromHtml("#FFEB9C");

    public static readonly IReadOnlyList<string> Headers =
        ["Date", "What", "Partnership", "Partnership code", "Details", "If nothing is done", "Days away", "Urgency"];

    private static readonly double[] ColumnWidths = [18, 20, 44, 24, 48, 48, 11, 16];

    /// <summary>
    /// Writes the workbook to <paramref name="output"/>. The dates are written as given (the caller chooses the
    /// period), sorted by date then partnership name; <paramref name="withinDays"/> is used for the title.
    /// </summary>
    public static void Write(IReadOnlyList<KeyDate> dates, DateOnly asOf, int withinDays, Stream output)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(output);

        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);

        var title = sheet.Cell(TitleRow, 1);
        SafeText.Write(title, $"Key dates from {DateText.Long(asOf)} to {DateText.Long(UpcomingDates.LastDay(asOf, withinDays))} ({withinDays} {(withinDays == 1 ? "day" : "days")})");
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;

        for (var c = 0; c < Headers.Count; c++)
        {
            SafeText.Write(sheet.Cell(HeaderRow, c + 1), Headers[c]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, Headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;

        var ordered = dates
            .OrderBy(d => d.Date)
            .ThenBy(d => d.PartnershipName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.Kind)
            .ToList();

        var row = FirstDataRow;
        foreach (var date in ordered)
        {
            var urgency = date.UrgencyOn(asOf);

            var dateCell = sheet.Cell(row, 1);
            dateCell.SetValue(date.Date.ToDateTime(TimeOnly.MinValue));
            dateCell.Style.NumberFormat.Format = DateFormat;
            dateCell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;

            SafeText.Write(sheet.Cell(row, 2), date.KindText);
            SafeText.Write(sheet.Cell(row, 3), date.PartnershipName);
            SafeText.Write(sheet.Cell(row, 4), date.PartnershipCode);
            SafeText.Write(sheet.Cell(row, 5), date.What);
            SafeText.Write(sheet.Cell(row, 6), date.IfNothingIsDone);
            sheet.Cell(row, 7).SetValue(date.Date.DayNumber - asOf.DayNumber);
            SafeText.Write(sheet.Cell(row, 8), UrgencyText(urgency));

            var line = sheet.Range(row, 1, row, Headers.Count);
            line.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            line.Style.Alignment.WrapText = true;
            if (FillFor(urgency) is { } fill)
            {
                line.Style.Fill.BackgroundColor = fill;
            }

            row++;
        }

        if (ordered.Count == 0)
        {
            SafeText.Write(sheet.Cell(FirstDataRow, 1), EmptyText);
            sheet.Cell(FirstDataRow, 1).Style.Font.Italic = true;
            row++;
        }

        sheet.Range(HeaderRow, 1, Math.Max(row - 1, HeaderRow), Headers.Count).SetAutoFilter();
        sheet.SheetView.FreezeRows(HeaderRow);

        // Set by hand: AdjustToContents() needs GDI+, which is not on the servers.
        for (var c = 0; c < ColumnWidths.Length; c++)
        {
            sheet.Column(c + 1).Width = ColumnWidths[c];
        }

        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);

        WorkbookFile.Save(workbook, output);
    }

    /// <summary>The urgency as the workbook writes it.</summary>
    public static string UrgencyText(Urgency urgency) => urgency switch
    {
        Urgency.Past => "Past",
        Urgency.Urgent => "Within 30 days",
        Urgency.Soon => "Within 90 days",
        _ => "Later",
    };

    private static XLColor? FillFor(Urgency urgency) => urgency switch
    {
        Urgency.Past or Urgency.Urgent => UrgentFill,
        Urgency.Soon => SoonFill,
        _ => null,
    };
}
