using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace SharedServices.Core.Tests.Exports;

/// <summary>Checks on a written .xlsx that every workbook test can share.</summary>
internal static class WorkbookChecks
{
    /// <summary>The Open XML SDK validator's findings, one line each (none for a valid file).</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        return new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    /// <summary>
    /// The column widths set on the first sheet (or the one named), as written in the file (ClosedXML 0.95 reads a width back less its
    /// own padding, so the file is the place to check what a writer set).
    /// </summary>
    public static IReadOnlyList<(int Column, double Width)> ColumnWidths(byte[] file, string? sheetName = null)
    {
        using var stream = new MemoryStream(file, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var part = sheetName is null
            ? workbook.WorksheetParts.First()
            : (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName).Id!);
        return part.Worksheet.Descendants<Column>()
            .SelectMany(c => Enumerable.Range((int)c.Min!.Value, (int)(c.Max!.Value - c.Min.Value + 1)).Select(n => (n, c.Width!.Value)))
            .ToList();
    }
}
