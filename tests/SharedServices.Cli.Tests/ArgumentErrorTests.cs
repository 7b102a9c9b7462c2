namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class ArgumentErrorTests(SeededDatabase database)
{
    [Theory]
    [InlineData(2, "--status", "partnerships", "list", "--status", "Dormant")]
    [InlineData(2, "--kind", "partnerships", "list", "--kind", "Franchise")]
    [InlineData(2, "--as-of", "dates", "--as-of", "23/11/2026")]
    [InlineData(2, "--as-of", "dates", "--as-of", "2026-02-30")]
    [InlineData(2, "--within", "dates", "--within", "-5")]
    [InlineData(2, "--within", "dates", "--within", "0")]
    [InlineData(2, "--within", "dates", "--within", "99999")]
    [InlineData(2, "--served", "notice", "--partnership", "iwc-hcc-buy-back", "--party", "IWC", "--served", "tomorrow")]
    [InlineData(2, "--partnership", "notice", "--party", "IWC")]
    [InlineData(2, "--frob", "dates", "--frob")]
    [InlineData(2, "--partnership", "import", "activity", "april.csv")]
    [InlineData(2, "--partnership", "import", "history")]
    [InlineData(1, "--partnership", "notice", "--partnership", "no-such-code", "--party", "IWC")]
    [InlineData(1, "--party", "notice", "--partnership", "iwc-hcc-buy-back", "--party", "SCC")]
    public async Task A_wrong_argument_gets_one_line_naming_it_and_an_exit_code(int exitCode, string named, params string[] args)
    {
        var result = await database.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line);
        Assert.DoesNotContain(" at ", line); // no stack trace
    }

    /// <summary>
    /// Every option that takes a number, an amount, a date, a period or an id, on every verb that has one, given a
    /// value that is not one. `invoices export --run abc` used to end in an unhandled InvalidOperationException (exit
    /// 134), because the verb's --run/--invoice check read the value before the parse error was reported; the
    /// benchmarks' numbers named a .NET type ("System.Int32").
    /// </summary>
    [Theory]
    [InlineData("--run", "invoices", "export", "--out", "exports", "--run", "abc")]
    [InlineData("--run", "invoices", "export", "--out", "exports", "--run", "abc", "--invoice", "SCC-2013/14-0001")]
    [InlineData("--run", "invoices", "export", "--out", "exports", "--run", "0")]
    [InlineData("--as-of", "dates", "--as-of", "abc")]
    [InlineData("--within", "dates", "--within", "abc")]
    [InlineData("--served", "notice", "--partnership", "iwc-hcc-buy-back", "--party", "IWC", "--served", "abc")]
    [InlineData("--as-of", "schedules", "list", "--as-of", "abc")]
    [InlineData("--as-of", "invoices", "list", "--as-of", "abc")]
    [InlineData("--as-of", "invoices", "register", "--out", "register.xlsx", "--as-of", "abc")]
    [InlineData("--amount", "payments", "record", "--invoice", "SCC-2013/14-0001", "--amount", "abc")]
    [InlineData("--on", "payments", "record", "--invoice", "SCC-2013/14-0001", "--amount", "1.00", "--on", "abc")]
    [InlineData("--period", "recharge", "run", "--period", "abc")]
    [InlineData("--period", "statement", "--provider", "SCC", "--recipient", "IWC", "--period", "abc")]
    [InlineData("--period", "settlement", "--between", "SCC", "IWC", "--period", "abc")]
    [InlineData("--rows", "bench-register", "--rows", "abc")]
    [InlineData("--runs", "bench-register", "--runs", "abc")]
    [InlineData("--rows", "bench-key-dates", "--rows", "1000", "abc")]
    [InlineData("--runs", "bench-key-dates", "--runs", "abc")]
    [InlineData("--rows", "bench-import", "--rows", "abc")]
    [InlineData("--runs", "bench-import", "--runs", "abc")]
    [InlineData("--rows", "bench-recharge", "--rows", "abc")]
    [InlineData("--partnerships", "bench-recharge", "--partnerships", "abc")]
    [InlineData("--workbook-lines", "bench-recharge", "--workbook-lines", "abc")]
    [InlineData("--circuit-pages", "bench-web", "--circuit-pages", "/account", "account")] // an address must start with /
    public async Task A_value_that_is_not_a_number_date_or_id_is_a_usage_error_naming_its_option(string named, params string[] args)
    {
        // The benchmarks make databases of their own and take no --data-folder.
        var result = args[0].StartsWith("bench-", StringComparison.Ordinal)
            ? await SeededDatabase.Run(args, SeededDatabase.NoVariables())
            : await database.RunAsync(args);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"sharedservices: {named}", line);
        Assert.DoesNotContain("Unhandled", line);
        Assert.DoesNotContain("System.", line);
    }

    [Theory]
    [InlineData("--status", "act-ive")]
    [InlineData("--status", "in-notice")]
    [InlineData("--status", "in_notice")]
    [InlineData("--status", "In Notice")]
    [InlineData("--status", "2")]
    [InlineData("--status", "-1")]
    [InlineData("--status", "Active,Ended")]
    [InlineData("--kind", "buy-back-contract")]
    [InlineData("--kind", "0")]
    public async Task An_enum_is_only_one_of_its_names_and_the_message_lists_them(string option, string value)
    {
        var result = await database.RunAsync(["partnerships", "list", option, value]);

        var allowed = option == "--status"
            ? "Proposed, Approved, Active, InNotice, Ended, Terminated"
            : "TradedServices, StrategicPartnership, SharedService, JointVenture, BuyBackContract";
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal($"sharedservices: {option} must be one of {allowed}, not '{value}'.", result.Error.Trim());
    }

    [Fact]
    public async Task The_unknown_party_message_lists_the_parties()
    {
        var result = await database.RunAsync(["notice", "--partnership", "iwc-hcc-buy-back", "--party", "SCC"]);

        Assert.Contains("the parties are HCC, IWC", result.Error);
    }

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        var result = await SeededDatabase.Run([], SeededDatabase.NoVariables());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("sharedservices: give a command: partnerships, dates, notice, schedules, import, recharge, invoices, payments, settlement, statement, db, users, bench-register, bench-key-dates, bench-import, bench-recharge, bench-web (see sharedservices --help).", result.Error.Trim());
    }

    [Fact]
    public async Task Both_databases_at_once_is_a_usage_error()
    {
        var result = await database.RunAsync(["partnerships", "list", "--postgres", "Host=localhost"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--postgres and --data-folder", result.Error);
    }

    [Fact]
    public async Task A_missing_seed_folder_is_a_usage_error()
    {
        var result = await database.RunAsync(["partnerships", "list", "--seed", Path.Combine(database.Folder, "nowhere")]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sharedservices: --seed: there is no folder", result.Error);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_without_the_password()
    {
        var result = await SeededDatabase.Run(
            ["partnerships", "list", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Password=secret;Timeout=2"], SeededDatabase.NoVariables());

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sharedservices: Cannot reach the database (PostgreSQL", line);
        Assert.DoesNotContain("secret", line);
    }
}
