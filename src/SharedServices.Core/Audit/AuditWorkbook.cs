using SharedServices.Core.Exports;
using SharedServices.Core.Invoicing;
using SharedServices.Domain.Dates;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SharedServices.Core.Audit;

/// <summary>
/// The audit trail as an Excel workbook, streamed with SpreadCheetah as the entries are read, so a trail of any length
/// takes no more memory than one entry. Times are real date-times in UK time; the title and header rows stay on
/// screen; every text cell (summaries, values, names: all of it typed by someone) is an inline string, which a
/// spreadsheet never runs as a formula (see <see cref="SafeText.Cell"/>).
/// </summary>
public static class AuditWorkbook
{
    public const string SheetName = "Audit trail";
    public const int TitleRow = 1;
    public const int HeaderRow = 2;
    public const int FirstRow = 3;
    public const string NoEntriesText = "No entries match.";

    public static readonly IReadOnlyList<string> Headers =
        ["When (UK time)", "Who", "Action", "Kind of record", "Record", "Partnership", "Summary", "Before", "After"];

    private static readonly double[] Widths = [20, 30, 14, 18, 14, 16, 60, 50, 50];

    public static async Task<int> WriteAsync(IAsyncEnumerable<AuditRow> rows, Stream output, string title, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        await using var sheet = await Spreadsheet.CreateNewAsync(output, InvoiceRegisterWorkbook.Options(), cancel);
        var worksheet = new WorksheetOptions { FrozenRows = HeaderRow };
        for (var c = 0; c < Widths.Length; c++) worksheet.Column(c + 1).Width = Widths[c];
        await sheet.StartWorksheetAsync(SheetName, worksheet, cancel);
        var titleStyle = sheet.AddStyle(new Style { Font = { Bold = true, Size = 14 } });
        var header = sheet.AddStyle(InvoiceRegisterWorkbook.HeaderStyle());
        var when = sheet.AddStyle(new Style { Format = NumberFormat.Custom(InvoiceWorkbook.DateTimeFormat), Alignment = { Horizontal = HorizontalAlignment.Left } });

        await sheet.AddRowAsync([SafeText.Cell(title, titleStyle)], cancel);
        await sheet.AddHeaderRowAsync(Headers.ToArray(), header, cancel);
        var cells = new Cell[Headers.Count];
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancel))
        {
            cells[0] = new Cell(UkTime.FromUtc(row.AtUtc), when);
            cells[1] = SafeText.Cell(row.Who);
            cells[2] = SafeText.Cell(AuditText.Action(row.Action));
            cells[3] = SafeText.Cell(row.Kind);
            cells[4] = SafeText.Cell(row.Key);
            cells[5] = SafeText.Cell(row.PartnershipCode);
            cells[6] = SafeText.Cell(row.Summary);
            cells[7] = SafeText.Cell(AuditText.Values(row.BeforeJson));
            cells[8] = SafeText.Cell(AuditText.Values(row.AfterJson));
            await sheet.AddRowAsync(cells, cancel);
            count++;
        }
        if (count == 0) await sheet.AddRowAsync([SafeText.Cell(NoEntriesText)], cancel);
        await sheet.FinishAsync(cancel);
        return count;
    }
}
