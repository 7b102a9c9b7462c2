using Microsoft.Data.Sqlite;

namespace SharedServices.Cli.Tests;

/// <summary>
/// `statement` on a database of its own: Southampton (SCC) bills the Isle of Wight (IWC) £16,250.00 for October 2013
/// (one monthly instalment of £195,000.00 a year), issued 20 November 2013, and £10,000.00 is paid the same day.
/// </summary>
public sealed class StatementCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");
    private static readonly FixedClock Today = new(new DateOnly(2013, 11, 20));

    private Task<CliResult> Run(params string[] args) =>
        SeededDatabase.Run([.. args, "--data-folder", _folder], SeededDatabase.NoVariables(Today));

    private async Task IssueOctoberAndPartPayAsync()
    {
        Assert.Equal(0, (await Run("partnerships", "list", "--seed", SeededDatabase.SeedFolder)).ExitCode);
        Assert.Equal(0, (await Run("recharge", "run", "--period", "October 2013", "--partnership", "scc-iwc-education-support", "--issue", "--as", "Tester")).ExitCode);
        Assert.Equal(0, (await Run("payments", "record", "--invoice", "SCC-2013/14-0001", "--amount", "10000", "--on", "2013-11-20", "--reference", "BACS 1182")).ExitCode);
    }

    [Fact]
    public async Task Statement_Json_OpeningEachTransactionAndClosing()
    {
        await IssueOctoberAndPartPayAsync();

        var result = await Run("statement", "--provider", "SCC", "--recipient", "IWC", "--period", "2013/14", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(("2013/14", 0L), (json.GetProperty("period").GetString(), json.GetProperty("openingBalancePence").GetInt64()));
        // On 20 November the invoice comes before the payment: £16,250.00, then £16,250.00 − £10,000.00 = £6,250.00.
        Assert.Equal(
            [("2013-11-20", "Invoice", "SCC-2013/14-0001", 16_250_00L, 0L, 16_250_00L), ("2013-11-20", "Payment", "BACS 1182", 0L, 10_000_00L, 6_250_00L)],
            json.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("on").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("reference").GetString(),
                e.GetProperty("debitPence").GetInt64(), e.GetProperty("creditPence").GetInt64(), e.GetProperty("balancePence").GetInt64())));
        Assert.Equal(6_250_00L, json.GetProperty("closingBalancePence").GetInt64());
    }

    [Fact]
    public async Task Statement_Text_ShowsTheBalancesInPounds()
    {
        await IssueOctoberAndPartPayAsync();

        var result = await Run("statement", "--provider", "scc", "--recipient", "iwc", "--period", "2013-12");

        // Nothing in December: the £6,250.00 owed is brought and carried forward.
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Statement of account: Southampton City Council to Isle of Wight Council, December 2013", result.Out);
        var lines = result.Out.Split(Environment.NewLine);
        Assert.Contains(lines, l => l.Contains("Balance brought forward", StringComparison.Ordinal) && l.TrimEnd().EndsWith("£6,250.00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Balance carried forward", StringComparison.Ordinal) && l.TrimEnd().EndsWith("£6,250.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statement_WrongInput_IsNamed()
    {
        Assert.Equal(0, (await Run("partnerships", "list", "--seed", SeededDatabase.SeedFolder)).ExitCode);

        var unknown = await Run("statement", "--provider", "XYZ", "--recipient", "IWC", "--period", "2013/14");
        var same = await Run("statement", "--provider", "SCC", "--recipient", "scc", "--period", "2013/14");
        var period = await Run("statement", "--provider", "SCC", "--recipient", "IWC", "--period", "2013-13");

        Assert.Equal((1, "sharedservices: --provider: no organisation has the short code \"XYZ\"."), (unknown.ExitCode, unknown.Error.Trim()));
        Assert.Equal((2, "sharedservices: --recipient: give a different council from --provider."), (same.ExitCode, same.Error.Trim()));
        Assert.Equal((2, "sharedservices: --period: There is no month 13 of 2013."), (period.ExitCode, period.Error.Trim()));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
