using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SharedServices.Core.Activity.Import;

/// <summary>
/// Reads activity rows from the first worksheet of an .xlsx with the Open XML SDK's forward-only reader, one row at
/// a time (ClosedXML would load the whole workbook). Formulas are never evaluated: the result Excel saved is read,
/// and a formula without one is a problem naming its cell.
/// </summary>
internal static class XlsxActivitySource
{
    public static async Task<int> ReadAsync(Stream file, string fileName, ImportLimits limits,
        Func<ActivityImportRow, CancellationToken, ValueTask> onRow, Action<int> report, CancellationToken cancel)
    {
        XlsxPackageCheck.Check(file, fileName, limits);
        try
        {
            using var document = SpreadsheetDocument.Open(file, false,
                new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
            var workbook = document.WorkbookPart ?? throw XlsxPackageCheck.Damaged(fileName, new InvalidDataException("no workbook part"));
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
                throw new ActivityFileRefusedException($"\"{fileName}\" has no worksheet; put the activity on the first sheet.");
            var strings = SharedStrings(workbook, cancel);
            return await ReadRowsAsync(worksheet, strings, fileName, limits, onRow, report, cancel);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or InvalidOperationException)
        {
            throw XlsxPackageCheck.Damaged(fileName, e);
        }
    }

    private static async Task<int> ReadRowsAsync(WorksheetPart worksheet, List<string> strings, string fileName, ImportLimits limits,
        Func<ActivityImportRow, CancellationToken, ValueTask> onRow, Action<int> report, CancellationToken cancel)
    {
        int[]? indexes = null;
        var rows = 0;
        var lastRowNumber = 0;
        using var reader = OpenXmlReader.Create(worksheet);
        // LoadCurrentElement moves past the element it loads, so only Read() when nothing was loaded.
        reader.Read();
        while (!reader.EOF)
        {
            cancel.ThrowIfCancellationRequested();
            if (reader.IsStartElement && reader.ElementType == typeof(SheetDimension))
            {
                // The sheet says its own size up front, so a million-row sheet is refused before any row is read.
                var dimension = (SheetDimension)reader.LoadCurrentElement()!;
                if (LastRowOf(dimension.Reference?.Value) - 1 > limits.MaxRows) throw CsvActivitySource.TooManyRows(fileName, limits);
                continue;
            }
            if (!reader.IsStartElement || reader.ElementType != typeof(Row))
            {
                reader.Read();
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(lastRowNumber + 1));
            lastRowNumber = rowNumber;
            var cells = ReadCells(row, strings, indexes);
            if (indexes is null)
            {
                var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                indexes = ActivityColumns.Locate(Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i).Text).ToList());
                continue;
            }
            if (cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text) && c.Problem is null)) continue;
            if (++rows > limits.MaxRows) throw CsvActivitySource.TooManyRows(fileName, limits);
            var problems = new List<ActivityImportProblem>();
            for (var column = 0; column < indexes.Length; column++)
            {
                if (indexes[column] >= 0 && cells.GetValueOrDefault(indexes[column]).Problem is { } problem)
                    problems.Add(new ActivityImportProblem(rowNumber, ActivityColumns.All[column], $"{ActivityColumns.All[column]}: {problem}"));
            }
            await onRow(ActivityColumns.ToRow(rowNumber, indexes, i => cells.GetValueOrDefault(i).Text ?? "", problems), cancel);
            if (rows % limits.ProgressEvery == 0) report(rows);
        }
        if (indexes is null) throw new ActivityFileRefusedException($"\"{fileName}\" has no header row on its first sheet.");
        return rows;
    }

    private static Dictionary<int, (string? Text, string? Problem)> ReadCells(Row row, List<string> strings, int[]? indexes)
    {
        var dateColumn = indexes?[1] ?? -1;
        var cells = new Dictionary<int, (string? Text, string? Problem)>();
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
            position = column + 1;
            cells[column] = CellText(cell, strings, column == dateColumn);
        }
        return cells;
    }

    private static (string? Text, string? Problem) CellText(Cell cell, List<string> strings, bool isDate)
    {
        var value = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (cell.CellFormula is { } formula && string.IsNullOrEmpty(value) && type != CellValues.InlineString)
            return (null, $"cell {cell.CellReference?.Value} holds a formula (={formula.Text}) with no saved result. " +
                          "Open the file in Excel, save it, and import it again; formulas are never worked out on import.");
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                ? (strings[index], null)
                : (null, $"cell {cell.CellReference?.Value} refers to text the workbook does not contain.");
        if (type == CellValues.InlineString) return (cell.InlineString?.InnerText, null);
        if (type == CellValues.Boolean) return (value == "1" ? "TRUE" : "FALSE", null);
        if (type == CellValues.Date) return (value is { Length: >= 10 } ? value[..10] : value, null);
        if (type is CellValues.String or CellValues.Error || value is null) return (value, null);
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return (value, null);
        // Excel keeps dates as day numbers; in the Date column a number is a date whatever its cell format.
        if (isDate && number is >= 1 and < 2958466)
            return (DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
        // Through decimal, so 12.340000000000002 (binary floating point) reads as 12.34, as Excel shows it.
        return (Math.Abs(number) < 7.9e27 ? ((decimal)number).ToString(CultureInfo.InvariantCulture) : value, null);
    }

    private static List<string> SharedStrings(WorkbookPart workbook, CancellationToken cancel)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                cancel.ThrowIfCancellationRequested();
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                // Rich text is several runs; phonetic guides (rPh) are not part of the value.
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
                continue;
            }
            reader.Read();
        }
        return strings;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return index - 1;
    }

    private static int LastRowOf(string? reference)
    {
        var last = reference?.Split(':')[^1] ?? "";
        var digits = new string(last.SkipWhile(char.IsAsciiLetter).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }
}
