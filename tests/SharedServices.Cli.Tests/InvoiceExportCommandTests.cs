using ClosedXML.Excel;
using Microsoft.Data.Sqlite;

namespace SharedServices.Cli.Tests;

/// <summary>
/// `invoices export` and `invoices register` on a database of their own: October 2013 for Southampton–Isle of Wight
/// education support is one invoice of £16,250.00 (12 monthly instalments of £195,000.00), issued as SCC-2013/14-0001.
/// </summary>
public sealed class InvoiceExportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");
    private static readonly FixedClock Today = new(new DateOnly(2013, 12, 20));

    private Task<CliResult> Run(params string[] args) =>
        SeededDatabase.Run([.. args, "--data-folder", _folder], SeededDatabase.NoVariables(Today));

    private string Out(string name) => Path.Combine(_folder, "out", name);

    /// <summary>Seeds, runs October with --issue, and returns the run's id.</summary>
    private async Task<int> IssuedOctoberAsync()
    {
        Assert.Equal(0, (await Run("partnerships", "list", "--seed", SeededDatabase.SeedFolder)).ExitCode);
        var run = await Run("recharge", "run", "--period", "October 2013", "--partnership", "scc-iwc-education-support", "--issue", "--as", "Tester", "--json");
        Assert.Equal(0, run.ExitCode);
        return run.Json().GetProperty("runId").GetInt32();
    }

    [Fact]
    public async Task Export_Run_WritesEachIssuedWorkbookNamedByNumber_AndListsThemAsJson()
    {
        var runId = await IssuedOctoberAsync();

        var result = await Run("invoices", "export", "--out", Out("run"), "--run", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal((Out("run"), 1), (json.GetProperty("folder").GetString(), json.GetProperty("count").GetInt32()));
        var file = Assert.Single(json.GetProperty("files").EnumerateArray());
        Assert.Equal(("SCC-2013/14-0001", Out("run/SCC-2013-14-0001.xlsx")), (file.GetProperty("number").GetString(), file.GetProperty("path").GetString()));
        Assert.Equal(["SCC-2013-14-0001.xlsx"], Directory.GetFiles(Out("run")).Select(Path.GetFileName));
        using var workbook = new XLWorkbook(Out("run/SCC-2013-14-0001.xlsx"));
        Assert.Equal("Invoice SCC-2013/14-0001", workbook.Worksheet("Invoice").Cell("A1").GetString());

        var one = await Run("invoices", "export", "--out", Out("one"), "--invoice", "scc-2013/14-0001");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal($"Wrote 1 workbook to {Out("one")}:{Environment.NewLine}  SCC-2013/14-0001  SCC-2013-14-0001.xlsx{Environment.NewLine}", one.Out);
        var all = await Run("invoices", "export", "--out", Out("all"), "--json");
        Assert.Equal(1, all.Json().GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Export_UnknownRunOrNumber_BothOptions_UnwritableFolder_AreNamed()
    {
        await IssuedOctoberAsync();
        var blocker = Out("blocker");
        Directory.CreateDirectory(Out(""));
        await File.WriteAllTextAsync(blocker, "a file, not a folder");

        var run = await Run("invoices", "export", "--out", Out("x"), "--run", "999");
        var number = await Run("invoices", "export", "--out", Out("x"), "--invoice", "SCC-2013/14-0099");
        var both = await Run("invoices", "export", "--out", Out("x"), "--run", "1", "--invoice", "SCC-2013/14-0001");
        var unwritable = await Run("invoices", "export", "--out", Path.Combine(blocker, "inside"));

        Assert.Equal((1, "sharedservices: --run: There is no recharge run 999."), (run.ExitCode, run.Error.Trim()));
        Assert.Equal((1, "sharedservices: --invoice: no issued invoice or credit note has the number \"SCC-2013/14-0099\"."), (number.ExitCode, number.Error.Trim()));
        Assert.Equal((2, "sharedservices: --run and --invoice: give one or the other, not both."), (both.ExitCode, both.Error.Trim()));
        Assert.Equal(1, unwritable.ExitCode);
        Assert.StartsWith($"sharedservices: --out: cannot write to {Path.Combine(blocker, "inside")}: ", unwritable.Error.Trim());
        Assert.False(Directory.Exists(Out("x")));
    }

    [Fact]
    public async Task Register_WritesTheWorkbookWithTotals()
    {
        await IssuedOctoberAsync();

        var result = await Run("invoices", "register", "--out", Out("register.xlsx"), "--partnership", "scc-iwc-education-support", "--as-of", "2014-02-01", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal((1, 16_250_00L, 16_250_00L), (json.GetProperty("rows").GetInt32(), json.GetProperty("grossPence").GetInt64(), json.GetProperty("outstandingPence").GetInt64()));
        using var workbook = new XLWorkbook(Out("register.xlsx"));
        var sheet = workbook.Worksheet("Register");
        Assert.Equal(("SCC-2013/14-0001", "SUMIFS(L4:L4,B4:B4,\"<>Credit note\",C4:C4,\"<>Draft\")", 16_250m), (sheet.Cell("A4").GetString(), sheet.Cell("L5").FormulaA1, Convert.ToDecimal(sheet.Cell("L5").CachedValue, System.Globalization.CultureInfo.InvariantCulture)));
        // Issued today, 20 December 2013, due 30 days later on 19 January 2014: 12 days of January left + 1 = 13 days overdue on 1 February.
        Assert.Equal(13, sheet.Cell("P4").GetValue<int>());
        Assert.Equal(["register.xlsx"], Directory.GetFiles(Out("")).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
