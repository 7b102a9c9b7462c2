using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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
}
