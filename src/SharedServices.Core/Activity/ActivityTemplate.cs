using ClosedXML.Excel;
using SharedServices.Core.Activity.Import;
using SharedServices.Core.Exports;
using SharedServices.Domain.Dates;

namespace SharedServices.Core.Activity;

/// <summary>
/// The file an officer fills in to import a partnership's activity. The first sheet, "Activity", has only the header
/// row (the import reads the first sheet, so no example row can be imported by mistake); the "Services" sheet lists
/// each service by the exact name to use, its dates, and what to record for it.
/// </summary>
public static class ActivityTemplate
{
    public const string ActivitySheet = "Activity";
    public const string ServicesSheet = "Services";

    public static string FileName(string partnershipCode, string extension) => $"activity-template-{partnershipCode}.{extension}";

    public static void WriteXlsx(ActivityServices services, Stream output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        var activity = workbook.Worksheets.Add(ActivitySheet);
        for (var c = 0; c < ActivityColumns.All.Count; c++) SafeText.Write(activity.Cell(1, c + 1), ActivityColumns.All[c]);
        Header(activity.Range(1, 1, 1, ActivityColumns.All.Count));
        // Dates typed into the Date column show day first; quantities and costs as numbers.
        activity.Column(2).Style.NumberFormat.Format = "dd/mm/yyyy";
        activity.Column(5).Style.NumberFormat.Format = "£#,##0.00";
        double[] widths = [40, 14, 12, 14, 14, 48, 20];
        for (var c = 0; c < widths.Length; c++) activity.Column(c + 1).Width = widths[c];
        activity.SheetView.FreezeRows(1);

        var list = workbook.Worksheets.Add(ServicesSheet);
        string[] headers = ["Service (use this name)", "Starts", "Ends", "Record"];
        for (var c = 0; c < headers.Length; c++) SafeText.Write(list.Cell(1, c + 1), headers[c]);
        Header(list.Range(1, 1, 1, headers.Length));
        var row = 2;
        foreach (var service in services.Services.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            // The service's name is typed by an officer: "=HYPERLINK(…)" must stay text (SafeText), as must every cell here.
            SafeText.Write(list.Cell(row, 1), service.Name);
            SafeText.Write(list.Cell(row, 2), service.Rules.From == DateOnly.MinValue ? "not recorded" : DateText.Long(service.Rules.From));
            SafeText.Write(list.Cell(row, 3), service.Rules.To is { } end ? DateText.Long(end) : "no end date");
            SafeText.Write(list.Cell(row, 4), WhatToRecord(service.Rules));
            row++;
        }
        double[] listWidths = [44, 20, 20, 60];
        for (var c = 0; c < listWidths.Length; c++) list.Column(c + 1).Width = listWidths[c];
        WorkbookFile.Save(workbook, output);
    }

    /// <summary>The CSV template: the header row only, in UTF-8 with a byte-order mark so Excel reads £ correctly.</summary>
    public static byte[] Csv() => CsvFile.Bytes([ActivityColumns.All]);

    /// <summary>What a row for the service must give, in an officer's words.</summary>
    public static string WhatToRecord(ImportableService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.ChargedByCost) return "Actual cost in pounds (leave Quantity and Unit blank)";
        if (service.AcceptsAnyUnit) return "Quantity and a unit of your choice, or an actual cost";
        return $"Quantity, with Unit \"{service.Units.First()}\"";
    }

    private static void Header(IXLRange header)
    {
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
    }
}
