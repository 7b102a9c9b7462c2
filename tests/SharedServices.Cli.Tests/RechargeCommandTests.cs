using Microsoft.Data.Sqlite;

namespace SharedServices.Cli.Tests;

/// <summary>
/// The month-end script's verbs on a database of their own (they write): a recharge run that issues, the invoice
/// list, a payment and the settlement statement between Southampton (SCC) and the Isle of Wight (IWC).
/// </summary>
public sealed class RechargeCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");
    private static readonly FixedClock Today = new(new DateOnly(2013, 11, 20));

    private Task<CliResult> Run(params string[] args) =>
        SeededDatabase.Run([.. args, "--data-folder", _folder], SeededDatabase.NoVariables(Today));

    [Fact]
    public async Task Run_Issue_List_Pay_Settle()
    {
        Assert.Equal(0, (await Run("partnerships", "list", "--seed", SeededDatabase.SeedFolder)).ExitCode);

        var run = await Run("recharge", "run", "--period", "October 2013", "--partnership", "scc-iwc-education-support", "--issue", "--as", "Tester", "--json");

        // School improvement: £195,000.00 a year in 12 monthly instalments: October's is £16,250.00. Nothing else has
        // activity in October 2013.
        Assert.Equal(0, run.ExitCode);
        var outcome = run.Json();
        Assert.Equal(("2013-10", 1, 1, 16_250_00L), (outcome.GetProperty("period").GetString(), outcome.GetProperty("drafts").GetInt32(),
            outcome.GetProperty("lines").GetInt32(), outcome.GetProperty("netPence").GetInt64()));
        Assert.Equal(["SCC-2013/14-0001"], outcome.GetProperty("issued").EnumerateArray().Select(n => n.GetString()));

        var list = (await Run("invoices", "list", "--partnership", "scc-iwc-education-support", "--json")).Json();
        var invoice = Assert.Single(list.GetProperty("invoices").EnumerateArray());
        Assert.Equal(("SCC-2013/14-0001", "Issued", 16_250_00L), (invoice.GetProperty("number").GetString(), invoice.GetProperty("status").GetString(),
            invoice.GetProperty("grossPence").GetInt64()));

        var paid = await Run("payments", "record", "--invoice", "SCC-2013/14-0001", "--amount", "10,000.00", "--on", "2013-11-20", "--reference", "BACS 1182");
        Assert.Equal(0, paid.ExitCode);
        Assert.Equal("Recorded £10,000.00 against SCC-2013/14-0001: PartPaid, £6,250.00 outstanding." + Environment.NewLine, paid.Out);

        var settlement = (await Run("settlement", "--between", "SCC", "IWC", "--period", "2013/14", "--json")).Json();
        // £16,250.00 − £10,000.00 = £6,250.00 owed to Southampton; nothing the other way.
        Assert.Equal(6_250_00L, settlement.GetProperty("netOwedToAPence").GetInt64());
        Assert.Equal(0L, settlement.GetProperty("bToA").GetProperty("outstandingPence").GetInt64());

        var again = await Run("recharge", "run", "--period", "2013-10", "--partnership", "scc-iwc-education-support", "--json");
        Assert.Equal(0, again.Json().GetProperty("drafts").GetInt32());
    }

    [Fact]
    public async Task Wrong_input_is_named()
    {
        Assert.Equal(0, (await Run("partnerships", "list", "--seed", SeededDatabase.SeedFolder)).ExitCode);

        var period = await Run("recharge", "run", "--period", "2013-13");
        var partnership = await Run("recharge", "run", "--period", "2013-10", "--partnership", "no-such-thing");
        var invoice = await Run("payments", "record", "--invoice", "SCC-2013/14-0099", "--amount", "5");
        var amount = await Run("payments", "record", "--invoice", "SCC-2013/14-0001", "--amount", "-5");

        Assert.Equal((2, "sharedservices: --period: There is no month 13 of 2013."), (period.ExitCode, period.Error.Trim()));
        Assert.Equal((1, "sharedservices: --partnership: no partnership has the code \"no-such-thing\"."), (partnership.ExitCode, partnership.Error.Trim()));
        Assert.Equal((1, "sharedservices: --invoice: no invoice has the number \"SCC-2013/14-0099\"."), (invoice.ExitCode, invoice.Error.Trim()));
        Assert.Equal(2, amount.ExitCode);
        Assert.Contains("--amount must be pounds and pence more than 0", amount.Error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
