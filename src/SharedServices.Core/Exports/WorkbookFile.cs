using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SharedServices.Core.Exports;

/// <summary>A formula cell's value, written into the file so that a viewer that does not calculate shows it too.</summary>
public sealed record CachedFormulaValue(string Sheet, string Cell, decimal Value);

/// <summary>
/// Saves a ClosedXML workbook and puts right what ClosedXML 0.95.4 leaves out of the file:
/// <list type="bullet">
/// <item>formula cells get their value cached (ClosedXML writes the formula alone, so a previewer that does not
/// calculate, or a reader of the raw file, would see nothing); Excel is also told to recalculate on opening, so the
/// live formula stays the authority;</item>
/// <item>a carriage return in text is kept (ClosedXML's XML writer turns it into a line feed), by writing it the way
/// Excel does, as _x000D_.</item>
/// </list>
/// </summary>
public static class WorkbookFile
{
    // Stands in for a carriage return between ClosedXML's save and the fix-up: a private-use character that no
    // council text carries. (Should one ever be typed, it comes out as a carriage return.)
    private const char CarriageReturnStandIn = '\uE00D';
    private const string ExcelCarriageReturn = "_x000D_";

    /// <summary>Saves <paramref name="workbook"/> to <paramref name="output"/> (its text is changed while saving, and put back).</summary>
    public static void Save(XLWorkbook workbook, Stream output, IReadOnlyCollection<CachedFormulaValue>? cachedValues = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(output);
        var withCarriageReturns = workbook.Worksheets
            .SelectMany(s => s.CellsUsed(c => c.DataType == XLDataType.Text && !c.HasFormula))
            .Select(c => (Cell: c, Text: c.GetString()))
            .Where(c => c.Text.Contains('\r', StringComparison.Ordinal))
            .ToList();
        foreach (var (cell, text) in withCarriageReturns) SetText(cell, text.Replace('\r', CarriageReturnStandIn));
        using var memory = new MemoryStream();
        try
        {
            workbook.SaveAs(memory);
        }
        finally
        {
            foreach (var (cell, text) in withCarriageReturns) SetText(cell, text);
        }
        using (var document = SpreadsheetDocument.Open(memory, isEditable: true))
        {
            var part = document.WorkbookPart ?? throw new InvalidOperationException("ClosedXML wrote a workbook with no workbook part.");
            var calculation = part.Workbook.CalculationProperties ??= new CalculationProperties();
            calculation.FullCalculationOnLoad = true;
            part.Workbook.Save();
            if (withCarriageReturns.Count > 0) RestoreCarriageReturns(part);
            if (cachedValues is { Count: > 0 }) WriteCachedValues(part, cachedValues);
        }
        memory.Position = 0;
        memory.CopyTo(output);
    }

    private static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    private static void RestoreCarriageReturns(WorkbookPart part)
    {
        if (part.SharedStringTablePart?.SharedStringTable is not { } strings) return;
        foreach (var text in strings.Descendants<Text>().Where(t => t.Text.Contains(CarriageReturnStandIn, StringComparison.Ordinal)))
        {
            text.Text = text.Text.Replace(CarriageReturnStandIn.ToString(), ExcelCarriageReturn, StringComparison.Ordinal);
        }
        strings.Save();
    }

    private static void WriteCachedValues(WorkbookPart part, IReadOnlyCollection<CachedFormulaValue> values)
    {
        foreach (var sheetValues in values.GroupBy(v => v.Sheet))
        {
            var sheet = part.Workbook.Sheets?.Elements<Sheet>().SingleOrDefault(s => s.Name == sheetValues.Key)
                ?? throw new InvalidOperationException($"The workbook has no sheet \"{sheetValues.Key}\".");
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var byReference = sheetValues.ToDictionary(v => v.Cell, StringComparer.OrdinalIgnoreCase);
            var found = 0;
            foreach (var cell in worksheet.Descendants<Cell>())
            {
                if (cell.CellReference?.Value is not { } reference || !byReference.TryGetValue(reference, out var value)) continue;
                if (cell.CellFormula is null) throw new InvalidOperationException($"{sheetValues.Key}!{reference} holds no formula to cache a value for.");
                cell.DataType = null;
                // Written as Excel would: 1575 and 0.3, not 1575.00 and 0.30.
                cell.CellValue = new CellValue(value.Value.ToString("0.############", CultureInfo.InvariantCulture));
                found++;
            }
            if (found != byReference.Count) throw new InvalidOperationException($"Some formula cells on \"{sheetValues.Key}\" were not in the file.");
            worksheet.Save();
        }
    }
}
