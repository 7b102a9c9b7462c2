using System.CommandLine;
using System.Diagnostics;
using ClosedXML.Excel;
using SharedServices.Core.Invoicing;
using SharedServices.Domain.Invoicing;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SharedServices.Cli;

using SharedServices.Domain.Money;

/// <summary>
/// The workbook half of `bench-recharge`: an invoice register of N synthetic lines written by our register writer,
/// against SpreadCheetah writing the same cells directly (the baseline: same options, styles, header and totals, but
/// no SafeText, no async row source, no running totals) and ClosedXML writing the same cells (for reference). The rows
/// are generated as they are read, so the peak live heap above the start shows what each writer itself holds: flat as
/// the lines grow for a streaming writer, growing with them for ClosedXML.
/// </summary>
internal static class RegisterWorkbookBenchmark
{
    private const string Title = "Invoice register on 20 December 2013";
    private const string Note = "Synthetic register for the benchmark.";

    public static Option<int[]> LinesOption() =>
        ParsedOptions.WholeNumbers("--workbook-lines", "Invoice register sizes (lines) for the workbook pair, smallest first", 1, 10_000_000, [10_000, 40_000]);

    private sealed record Result(double Seconds, long PeakHeapAbove, long Bytes);

    public static async Task RunAsync(TextWriter output, int[] sizes, CancellationToken cancel)
    {
        // Warm-up: JIT and first-use costs out of the timings (the streaming writers three times, so tiered JIT has settled).
        foreach (var writer in Writers)
            for (var i = 0; i < (writer.Name == "ClosedXML" ? 1 : 3); i++) await MeasureAsync(writer.Write, 2_000, cancel);

        output.WriteLine();
        output.WriteLine($"{"Register workbook",-18} {"Lines",8} {"Ours s",8} {"SpreadCheetah s",16} {"Ratio",7} {"ClosedXML s",12} {"Ratio",7} " +
                         $"{"Ours heap",10} {"SC heap",9} {"CXML heap",10}");
        var ours = new List<(int Lines, Result Ours, Result Baseline)>();
        foreach (var lines in sizes)
        {
            // The two streaming writers take a fraction of a second: five runs each, taken in turn so that whatever else
            // the shared box is doing falls on both alike, and the best of each. One run of ClosedXML.
            Result? mine = null, baseline = null;
            for (var run = 0; run < 5; run++)
            {
                mine = Best(mine, await MeasureAsync(Writers[0].Write, lines, cancel));
                baseline = Best(baseline, await MeasureAsync(Writers[1].Write, lines, cancel));
            }
            var closed = await MeasureAsync(Writers[2].Write, lines, cancel);
            ours.Add((lines, mine!, baseline!));
            output.WriteLine($"{"",-18} {lines,8:N0} {mine!.Seconds,8:N2} {baseline!.Seconds,16:N2} {mine.Seconds / baseline.Seconds,6:N2}x {closed.Seconds,12:N2} " +
                             $"{closed.Seconds / baseline.Seconds,6:N2}x {Mb(mine.PeakHeapAbove),7:N1} MB {Mb(baseline.PeakHeapAbove),6:N1} MB {Mb(closed.PeakHeapAbove),7:N1} MB" +
                             $"   ({mine.Bytes / 1024.0:N0} KB file)");
        }
        var (largest, small) = (ours[^1], ours[0]);
        output.WriteLine($"Register workbook: target within 2x of SpreadCheetah — {(largest.Ours.Seconds / largest.Baseline.Seconds <= 2 ? "met" : "NOT met")} at {largest.Lines:N0} lines; " +
                         $"our peak live heap above the start {Mb(small.Ours.PeakHeapAbove):N1} MB at {small.Lines:N0} lines, {Mb(largest.Ours.PeakHeapAbove):N1} MB at {largest.Lines:N0}.");
    }

    private static double Mb(long bytes) => bytes / 1048576.0;

    private static readonly (string Name, Func<int, Stream, CancellationToken, Task> Write)[] Writers =
    [
        ("ours", (lines, stream, cancel) => InvoiceRegisterWorkbook.WriteAsync(ToAsync(Rows(lines)), stream, Title, Note, cancel)),
        ("SpreadCheetah", SpreadCheetahDirectAsync),
        ("ClosedXML", (lines, stream, _) =>
        {
            ClosedXml(lines, stream);
            return Task.CompletedTask;
        }),
    ];

    /// <summary>The faster time and the higher live heap of two measurements.</summary>
    private static Result Best(Result? a, Result b) =>
        a is null ? b : a with { Seconds = Math.Min(a.Seconds, b.Seconds), PeakHeapAbove = Math.Max(a.PeakHeapAbove, b.PeakHeapAbove) };

    /// <summary>
    /// The time of one write, and the highest live heap seen above the start: the heap's size after each garbage
    /// collection during the write, which is what the writer holds, not the garbage it has made since the last one.
    /// </summary>
    private static async Task<Result> MeasureAsync(Func<int, Stream, CancellationToken, Task> write, int lines, CancellationToken cancel)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharedservices-bench-register-{Guid.NewGuid():N}.xlsx");
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var start = GC.GetGCMemoryInfo().HeapSizeBytes;
            var peak = start;
            var sampling = new Lock();
            void Sample()
            {
                var size = GC.GetGCMemoryInfo().HeapSizeBytes;
                lock (sampling) peak = Math.Max(peak, size);
            }
            var watch = Stopwatch.StartNew();
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous))
            using (new Timer(_ => Sample(), null, 0, 5))
                await write(lines, file, cancel);
            var seconds = watch.Elapsed.TotalSeconds;
            Sample();
            return new Result(seconds, Math.Max(0, peak - start), new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Lines of a plausible register, made as they are read: 500 partnerships, a few councils, a year of months.</summary>
    private static IEnumerable<InvoiceRegisterRow> Rows(int count)
    {
        string[] councils = ["Southampton City Council", "Isle of Wight Council", "Portsmouth City Council", "Hampshire County Council", "West Sussex County Council"];
        string[] months = ["April 2013", "May 2013", "June 2013", "July 2013", "August 2013", "September 2013", "October 2013", "November 2013", "December 2013", "January 2014", "February 2014", "March 2014"];
        InvoiceStatus[] statuses = [InvoiceStatus.Issued, InvoiceStatus.PartPaid, InvoiceStatus.Paid, InvoiceStatus.Disputed];
        for (var i = 0; i < count; i++)
        {
            var issued = new DateOnly(2013, 5, 1).AddDays(i % 330);
            var net = new Money(10_000 + i * 37 % 9_000_000);
            var vat = new Money(net.Pence / 5);
            var gross = net + vat;
            var paid = new Money(i % 3 == 0 ? gross.Pence : i % 3 == 1 ? gross.Pence / 2 : 0);
            var outstanding = gross - paid;
            yield return new InvoiceRegisterRow($"SCC-2013/14-{i + 1:00000}", InvoiceKind.Invoice, statuses[i % statuses.Length],
                $"Partnership {i % 500:000}", councils[i % councils.Length], councils[(i + 1) % councils.Length], months[i % months.Length],
                issued, issued.AddDays(30), net, vat, gross, paid, Money.Zero, outstanding, outstanding > Money.Zero ? i % 90 : 0);
        }
    }

    private static async IAsyncEnumerable<InvoiceRegisterRow> ToAsync(IEnumerable<InvoiceRegisterRow> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }

    /// <summary>The same cells written with SpreadCheetah and nothing else between the rows and the file.</summary>
    private static async Task SpreadCheetahDirectAsync(int lines, Stream stream, CancellationToken cancel)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(stream, InvoiceRegisterWorkbook.Options(), cancel);
        var options = new WorksheetOptions { FrozenRows = InvoiceRegisterWorkbook.HeaderRow };
        for (var c = 1; c <= InvoiceRegisterWorkbook.Headers.Count; c++) options.Column(c).Width = 15;
        await sheet.StartWorksheetAsync(InvoiceRegisterWorkbook.SheetName, options, cancel);
        var title = sheet.AddStyle(new Style { Font = { Bold = true, Size = 14 } });
        var money = sheet.AddStyle(new Style { Format = NumberFormat.Custom(InvoiceWorkbook.MoneyFormat) });
        var date = sheet.AddStyle(new Style { Format = NumberFormat.Custom(InvoiceWorkbook.DateFormat) });
        await sheet.AddRowAsync([new Cell(Title, title)], cancel);
        await sheet.AddRowAsync([new Cell(Note)], cancel);
        await sheet.AddHeaderRowAsync(InvoiceRegisterWorkbook.Headers.ToArray(), sheet.AddStyle(InvoiceRegisterWorkbook.HeaderStyle()), cancel);
        var cells = new Cell[16];
        foreach (var r in Rows(lines))
        {
            cells[0] = new Cell(r.Number);
            cells[1] = new Cell("Invoice");
            cells[2] = new Cell(r.Status.ToString());
            cells[3] = new Cell(r.Partnership);
            cells[4] = new Cell(r.Provider);
            cells[5] = new Cell(r.Recipient);
            cells[6] = new Cell(r.Period);
            cells[7] = new Cell(r.IssuedOn!.Value.ToDateTime(TimeOnly.MinValue), date);
            cells[8] = new Cell(r.DueOn!.Value.ToDateTime(TimeOnly.MinValue), date);
            cells[9] = new Cell(r.Net.Pounds, money);
            cells[10] = new Cell(r.Vat.Pounds, money);
            cells[11] = new Cell(r.Gross.Pounds, money);
            cells[12] = new Cell(r.Paid.Pounds, money);
            cells[13] = new Cell(r.Credited.Pounds, money);
            cells[14] = new Cell(r.Outstanding.Pounds, money);
            cells[15] = new Cell(r.DaysOverdue);
            await sheet.AddRowAsync(cells, cancel);
        }
        var totals = new Cell[15];
        totals[0] = new Cell("Total");
        for (var c = 10; c <= 15; c++)
        {
            var letter = InvoiceRegisterWorkbook.ColumnLetter(c);
            totals[c - 1] = new Cell(new Formula($"SUM({letter}4:{letter}{lines + 3})"), money);
        }
        await sheet.AddRowAsync(totals, cancel);
        await sheet.FinishAsync(cancel);
    }

    /// <summary>The same cells with ClosedXML, which builds the whole workbook in memory before it saves.</summary>
    private static void ClosedXml(int lines, Stream stream)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(InvoiceRegisterWorkbook.SheetName);
        sheet.Cell(1, 1).SetValue(Title).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).SetValue(Note);
        for (var c = 0; c < InvoiceRegisterWorkbook.Headers.Count; c++) sheet.Cell(3, c + 1).SetValue(InvoiceRegisterWorkbook.Headers[c]).Style.Font.SetBold();
        var row = 4;
        foreach (var r in Rows(lines))
        {
            sheet.Cell(row, 1).SetValue(r.Number);
            sheet.Cell(row, 2).SetValue("Invoice");
            sheet.Cell(row, 3).SetValue(r.Status.ToString());
            sheet.Cell(row, 4).SetValue(r.Partnership);
            sheet.Cell(row, 5).SetValue(r.Provider);
            sheet.Cell(row, 6).SetValue(r.Recipient);
            sheet.Cell(row, 7).SetValue(r.Period);
            sheet.Cell(row, 8).SetValue(r.IssuedOn!.Value.ToDateTime(TimeOnly.MinValue));
            sheet.Cell(row, 9).SetValue(r.DueOn!.Value.ToDateTime(TimeOnly.MinValue));
            sheet.Cell(row, 10).SetValue(r.Net.Pounds);
            sheet.Cell(row, 11).SetValue(r.Vat.Pounds);
            sheet.Cell(row, 12).SetValue(r.Gross.Pounds);
            sheet.Cell(row, 13).SetValue(r.Paid.Pounds);
            sheet.Cell(row, 14).SetValue(r.Credited.Pounds);
            sheet.Cell(row, 15).SetValue(r.Outstanding.Pounds);
            sheet.Cell(row, 16).SetValue(r.DaysOverdue);
            row++;
        }
        sheet.Cell(row, 1).SetValue("Total");
        for (var c = 10; c <= 15; c++) sheet.Cell(row, c).FormulaA1 = $"SUM({InvoiceRegisterWorkbook.ColumnLetter(c)}4:{InvoiceRegisterWorkbook.ColumnLetter(c)}{row - 1})";
        sheet.Columns(8, 9).Style.NumberFormat.Format = InvoiceWorkbook.DateFormat;
        sheet.Columns(10, 15).Style.NumberFormat.Format = InvoiceWorkbook.MoneyFormat;
        sheet.SheetView.FreezeRows(InvoiceRegisterWorkbook.HeaderRow);
        for (var c = 1; c <= 16; c++) sheet.Column(c).Width = 15;
        workbook.SaveAs(stream);
    }
}
