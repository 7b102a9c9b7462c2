using System.Diagnostics;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SharedServices.Core.Activity.Import;

namespace SharedServices.Core.Tests.Activity.Import;

public sealed class XlsxImportTests : IDisposable
{
    private readonly ImportFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task ReadAsync_GoodWorkbook_GivesEachRowAsText()
    {
        var path = files.Xlsx("activity.xlsx", ImportFiles.Columns,
            ["Educational psychology", new DateTime(2012, 11, 13), 2.5, "days", null, "Assessments", "EP-1"],
            [null, null, null, null, null, null, null],
            ["Shared Director post", new DateTime(2013, 3, 31), null, null, 12500.1, "Outturn", "DIR-7"]);

        var (summary, rows) = await Read.AllAsync(path);

        Assert.Equal(ActivityFileFormat.Xlsx, summary.Format);
        Assert.Equal(2, summary.RowCount);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), summary.Sha256);
        Assert.Equal(new ActivityImportRow(2, "Educational psychology", "2012-11-13", "2.5", "days", "", "Assessments", "EP-1"), rows[0]);
        Assert.Equal(new ActivityImportRow(4, "Shared Director post", "2013-03-31", "", "", "12500.1", "Outturn", "DIR-7"), rows[1]);
    }

    [Fact]
    public async Task ReadAsync_MissingColumn_RefusesNamingIt()
    {
        var path = files.Xlsx("activity.xlsx", ["service", "DATE", "Quantity", "Unit"], ["EP", new DateTime(2012, 11, 13), 1, "days"]);

        var message = await Read.RefusalAsync(path);

        Assert.StartsWith("The header row has no \"Actual cost\" column.", message);
    }

    [Fact]
    public async Task ReadAsync_FormulaWithSavedResult_TakesTheResultWithoutWorkingItOut()
    {
        var path = files.Xlsx("activity.xlsx", ImportFiles.Columns, ["EP", new DateTime(2012, 11, 13), 1, "days", null, null, "R"]);
        // The saved result (7) disagrees with the formula (=1+1) on purpose: only the saved result may be used.
        SetFormula(path, "C2", "1+1", savedResult: "7");

        var (_, rows) = await Read.AllAsync(path);

        Assert.Equal("7", rows[0].Quantity);
        Assert.Empty(rows[0].CellProblems);
    }

    [Fact]
    public async Task ReadAsync_FormulaWithoutSavedResult_IsAProblemNamingTheCell()
    {
        var path = files.Xlsx("activity.xlsx", ImportFiles.Columns, ["EP", new DateTime(2012, 11, 13), 1, "days", null, null, "R"]);
        SetFormula(path, "C2", "A1*2", savedResult: null);

        var (_, rows) = await Read.AllAsync(path);

        var problem = Assert.Single(rows[0].CellProblems);
        Assert.Equal(2, problem.Row);
        Assert.Equal("Quantity", problem.Column);
        Assert.StartsWith("Quantity: cell C2 holds a formula (=A1*2) with no saved result.", problem.Reason);
        Assert.Equal("", rows[0].Quantity);
    }

    [Fact]
    public async Task ReadAsync_RandomBytesNamedXlsx_IsRefused()
    {
        var bytes = new byte[64 * 1024];
        new Random(8).NextBytes(bytes);
        bytes[0] = 0x00; // not "PK", whatever the seed gives

        var message = await Read.RefusalAsync(files.Bytes("activity.xlsx", bytes));

        Assert.Equal("\"activity.xlsx\" is not really an Excel workbook (.xlsx), whatever its name says. Save it from Excel as .xlsx and try again.", message);
    }

    [Fact]
    public async Task ReadAsync_OldExcelFileNamedXlsx_AsksForXlsx()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);

        var message = await Read.RefusalAsync(files.Bytes("activity.xlsx", bytes));

        Assert.Contains("is an old-style (.xls) or password-protected workbook", message);
    }

    [Fact]
    public async Task ReadAsync_ZipSignatureThenRandomBytes_IsRefusedAsDamaged()
    {
        var bytes = new byte[64 * 1024];
        new Random(8).NextBytes(bytes);
        "PK\u0003\u0004"u8.CopyTo(bytes);

        var message = await Read.RefusalAsync(files.Bytes("activity.xlsx", bytes));

        Assert.Contains("is not a readable Excel workbook (.xlsx)", message);
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNotAWorkbook_IsRefused()
    {
        var message = await Read.RefusalAsync(files.ZipOfText("activity.xlsx"));

        Assert.Contains("is a zip file but not an Excel workbook (.xlsx)", message);
    }

    [Fact]
    public async Task ReadAsync_ZipBomb_IsRefusedFromTheCentralDirectoryWithoutExpandingIt()
    {
        var path = files.ZipBomb("activity.xlsx", megabytes: 300);
        Assert.True(new FileInfo(path).Length < 2 * 1024 * 1024, "the bomb itself is small");
        var clock = Stopwatch.StartNew();

        var message = await Read.RefusalAsync(path);

        Assert.StartsWith("\"activity.xlsx\" was refused as a possible zip bomb", message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ReadAsync_ExpandsPastTheTotalLimit_IsRefusedEvenWhenTheRatioIsAllowed()
    {
        var path = files.ZipBomb("activity.xlsx", megabytes: 300);

        var message = await Read.RefusalAsync(path, new ImportLimits { MaxCompressionRatio = int.MaxValue });

        Assert.Equal("\"activity.xlsx\" was refused as a possible zip bomb: it expands to more than 200 MB when unzipped.", message);
    }

    [Fact]
    public async Task ReadAsync_ManyTimesExpansionUnderTheTotalLimit_IsRefusedOnTheRatio()
    {
        var path = files.ZipBomb("activity.xlsx", megabytes: 20);

        var message = await Read.RefusalAsync(path);

        Assert.Contains("its part \"xl/worksheets/sheet1.xml\" expands", message);
    }

    [Fact]
    public async Task ReadAsync_SheetDeclaringAMillionRows_IsRefusedBeforeReadingRows()
    {
        var path = files.Xlsx("activity.xlsx", ImportFiles.Columns, ["EP", new DateTime(2012, 11, 13), 1, "days", null, null, "R"]);
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            sheet.SheetDimension!.Reference = "A1:G1000001";
            sheet.Save();
        }
        var seen = 0;

        var error = await Assert.ThrowsAsync<ActivityFileRefusedException>(() =>
            new ActivityFileReader().ReadAsync(path, (_, _) => { seen++; return ValueTask.CompletedTask; }));

        Assert.Contains("has more than 200,000 rows", error.Message);
        Assert.Equal(0, seen);
    }

    [Fact]
    public async Task ReadAsync_MoreRowsThanTheLimit_IsRefused()
    {
        var rows = Enumerable.Range(0, 4).Select(i => new object?[] { "EP", new DateTime(2012, 11, 13), i, "days" }).ToArray();
        var path = files.Xlsx("activity.xlsx", ImportFiles.Columns, rows);

        var message = await Read.RefusalAsync(path, new ImportLimits { MaxRows = 3 });

        Assert.Contains("has more than 3 rows", message);
    }

    [Fact]
    public async Task ReadAsync_InlineAndRichText_CellsWithoutReferences_AndAnEmptyRow_ReadAsExcelShowsThem()
    {
        // As other tools write workbooks: inline strings (SpreadCheetah), rich text in two runs, a boolean, a formula's
        // text result (t="str"), and a row and cells with no r= reference, which follow on from the one before.
        var path = files.Xlsx("activity.xlsx", ImportFiles.Columns, ["EP", new DateTime(2012, 11, 13), 1, "days", null, null, "R"]);
        static string Inline(string text) => $"<c t=\"inlineStr\"><is><t>{text}</t></is></c>";
        ReplaceSheet(path,
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
            "<row r=\"1\">" + string.Concat(ImportFiles.Columns.Select(Inline)) + "</row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\">Educational </t></r><r><t>psychology</t></r></is></c>" +
            "<c r=\"B2\" s=\"1\"><v>41226</v></c><c r=\"C2\"><v>2.5</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>days</t></is></c>" +
            "<c r=\"G2\" t=\"str\"><f>\"EP-\"&amp;1</f><v>EP-1</v></c></row>" +
            "<row r=\"3\"/>" +
            "<row>" + Inline("Shared Director post") + Inline("31/03/2013") + "<c/><c/><c><v>12500.1</v></c><c t=\"b\"><v>1</v></c>" + Inline("DIR-7") + "</row>" +
            "</sheetData></worksheet>");

        var (summary, rows) = await Read.AllAsync(path);

        Assert.Equal(2, summary.RowCount);
        // 41226 days after 30 December 1899 is 13 November 2012; the row with no r= follows row 3.
        Assert.Equal(new ActivityImportRow(2, "Educational psychology", "2012-11-13", "2.5", "days", "", "", "EP-1"), rows[0]);
        Assert.Equal(new ActivityImportRow(4, "Shared Director post", "31/03/2013", "", "", "12500.1", "TRUE", "DIR-7"), rows[1]);
    }

    private static void ReplaceSheet(string path, string xml)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new System.Text.UTF8Encoding(false));
        writer.Write(xml);
    }

    private static void SetFormula(string path, string reference, string formula, string? savedResult)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        cell.DataType = null;
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = savedResult is null ? null : new CellValue(savedResult);
        sheet.Save();
    }
}
