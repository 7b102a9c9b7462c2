using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SharedServices.Core;
using SharedServices.Core.Access;
using SharedServices.Core.Persistence;

namespace SharedServices.Cli.Tests;

/// <summary>
/// `users`: the first administrator and the other account verbs, against a database of the test's own (the shared
/// "cli" database is only read, and these tests write). The password goes in as standard input, never an argument.
/// </summary>
public abstract class UsersCommandTests : IAsyncLifetime
{
    protected const string Password = "a long first phrase here";

    /// <summary>--data-folder F or --postgres C, for this test's database.</summary>
    protected abstract string[] DatabaseOptions { get; }

    protected abstract DatabaseSettings Settings { get; }

    public virtual async Task InitializeAsync()
    {
        var init = await Run(["db", "init", "--seed", SeededDatabase.SeedFolder]);
        if (init.ExitCode != 0) throw new InvalidOperationException($"db init failed: {init.Error}");
    }

    public abstract Task DisposeAsync();

    protected Task<CliResult> Run(string[] args, string? stdin = null, Func<string, string?>? terminal = null) =>
        SeededDatabase.Run([.. args, .. DatabaseOptions],
            SeededDatabase.NoVariables() with { Input = new StringReader(stdin ?? ""), AskSecret = terminal });

    protected Task<CliResult> AddAdmin(string email = "jane.smith@iow.gov.uk", string organisation = "IWC", string password = Password) =>
        Run(["users", "add", "--admin", "--email", email, "--name", "Jane Smith", "--organisation", organisation, "--password-stdin"], password + "\n");

    /// <summary>The app's own account use cases over the same database, as the system (to check what the CLI did).</summary>
    protected async Task<T> WithAccounts<T>(Func<UserAccounts, Task<T>> work)
    {
        var services = new ServiceCollection();
        services.AddSharedServicesCore(Settings);
        services.AddSharedServicesAccounts();
        await using var provider = services.BuildServiceProvider();
        return await work(provider.GetRequiredService<UserAccounts>());
    }

    [Fact]
    public async Task Add_admin_makes_an_administrator_of_the_organisation_who_can_act()
    {
        var result = await AddAdmin();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Added Jane Smith (jane.smith@iow.gov.uk) at Isle of Wight Council, the role Administrator." + Environment.NewLine, result.Out);
        var account = Assert.Single(await WithAccounts(a => a.ListAsync()));
        Assert.Equal(["Administrator"], account.Roles);
        Assert.Equal("Isle of Wight Council", account.OrganisationName);
        var caller = await WithAccounts(a => a.CallerForAsync(account.Id));
        Assert.NotNull(caller);
        Assert.Equal("Jane Smith (jane.smith@iow.gov.uk)", caller.Name);
        Assert.True(caller.HasRole(Roles.Administrator));
    }
}

/// <summary>The SQLite cases, each in its own temp folder.</summary>
public sealed class UsersCommandSqliteTests : UsersCommandTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-users-{Guid.NewGuid():N}");

    protected override string[] DatabaseOptions => ["--data-folder", _folder];

    protected override DatabaseSettings Settings => DatabaseSettings.ForSqliteFile(Path.Combine(_folder, DatabaseSettings.SqliteFileName));

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    // AccountPolicy: at least 12 characters; "tooshort" has 8.
    [Fact]
    public async Task A_short_password_is_refused_naming_the_rule_and_nothing_is_saved()
    {
        var result = await AddAdmin(password: "tooshort");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sharedservices: Password: Passwords must be at least 12 characters." + Environment.NewLine, result.Error);
        Assert.Empty(await WithAccounts(a => a.ListAsync()));
    }

    // 16 characters but only one different character; the rule asks for 4.
    [Fact]
    public async Task A_password_of_one_repeated_character_is_refused_naming_the_rule()
    {
        var result = await AddAdmin(password: "aaaaaaaaaaaaaaaa");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Password: Passwords must use at least 4 different characters.", result.Error);
        Assert.Empty(await WithAccounts(a => a.ListAsync()));
    }

    [Fact]
    public async Task An_unknown_organisation_is_named_with_its_option()
    {
        var result = await AddAdmin(organisation: "XYZ");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sharedservices: --organisation: there is no organisation with the code \"XYZ\"." + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_in_another_case_is_refused_naming_email()
    {
        Assert.Equal(0, (await AddAdmin()).ExitCode);

        var result = await AddAdmin(email: "Jane.Smith@IOW.gov.uk", organisation: "hbc");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sharedservices: --email: there is already an account with this address." + Environment.NewLine, result.Error);
        Assert.Single(await WithAccounts(a => a.ListAsync()));
    }

    [Fact]
    public async Task A_password_given_as_an_argument_is_a_usage_error()
    {
        var result = await Run(["users", "add", "--email", "a@iow.gov.uk", "--name", "A", "--organisation", "IWC", "--password", Password]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--password'", result.Error);
        Assert.Empty(await WithAccounts(a => a.ListAsync()));
    }

    [Fact]
    public async Task Without_stdin_or_a_terminal_the_password_is_not_guessed()
    {
        var result = await Run(["users", "add", "--email", "a@iow.gov.uk", "--name", "A", "--organisation", "IWC"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("sharedservices: No terminal to ask the password at: give it on standard input with --password-stdin." + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task At_a_terminal_the_password_is_asked_twice_and_two_that_differ_save_nothing()
    {
        var asked = new List<string>();
        var answers = new Queue<string>([Password, Password + "x"]);

        var result = await Run(["users", "add", "--email", "a@iow.gov.uk", "--name", "A", "--organisation", "IWC"],
            terminal: prompt => { asked.Add(prompt); return answers.Dequeue(); });

        Assert.Equal(2, asked.Count);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Password: the two passwords typed differ; nothing was saved.", result.Error);
        Assert.Empty(await WithAccounts(a => a.ListAsync()));
    }

    [Fact]
    public async Task At_a_terminal_the_same_password_twice_adds_the_account()
    {
        var result = await Run(["users", "add", "--email", "a@iow.gov.uk", "--name", "A", "--organisation", "IWC", "--role", "finance officer"],
            terminal: _ => Password);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Finance officer"], Assert.Single(await WithAccounts(a => a.ListAsync())).Roles);
    }

    [Fact]
    public async Task List_shows_each_account_with_its_roles_in_text_and_json()
    {
        await AddAdmin();
        await Run(["users", "add", "--email", "ann.lee@halton.gov.uk", "--name", "Ann Lee", "--organisation", "HBC",
            "--role", "Director", "--role", "Board member", "--password-stdin"], Password);

        var text = await Run(["users", "list"]);
        var json = (await Run(["users", "list", "--json"])).Json();

        // By organisation name: Halton Borough Council before Isle of Wight Council.
        var lines = text.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^ann\.lee@halton\.gov\.uk +Ann Lee +Halton Borough Council +Director, Board member +Active$", lines[2]);
        Assert.Matches(@"^jane\.smith@iow\.gov\.uk +Jane Smith +Isle of Wight Council +Administrator +Active$", lines[3]);
        Assert.Equal(2, json.GetProperty("count").GetInt32());
        var ann = json.GetProperty("accounts")[0];
        Assert.Equal("ann.lee@halton.gov.uk", ann.GetProperty("email").GetString());
        Assert.Equal(["Director", "Board member"], ann.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Roles_replaces_the_roles_and_an_unknown_role_is_a_usage_error_naming_role()
    {
        await AddAdmin();

        var changed = await Run(["users", "roles", "--email", "jane.smith@iow.gov.uk", "--role", "Finance officer"]);
        var unknown = await Run(["users", "roles", "--email", "jane.smith@iow.gov.uk", "--role", "Treasurer"]);

        Assert.Equal(0, changed.ExitCode);
        Assert.Equal("Jane Smith (jane.smith@iow.gov.uk) now has the role Finance officer." + Environment.NewLine, changed.Out);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("sharedservices: --role must be one of Administrator, Finance officer, Director, Board member, not 'Treasurer'." + Environment.NewLine, unknown.Error);
        Assert.Equal(["Finance officer"], Assert.Single(await WithAccounts(a => a.ListAsync())).Roles);
    }

    [Fact]
    public async Task Disable_cuts_the_account_off_and_enable_lets_it_back()
    {
        await AddAdmin();
        var id = Assert.Single(await WithAccounts(a => a.ListAsync())).Id;

        var disabled = await Run(["users", "disable", "--email", "jane.smith@iow.gov.uk"]);

        Assert.Equal(0, disabled.ExitCode);
        Assert.Equal("Disabled Jane Smith (jane.smith@iow.gov.uk)." + Environment.NewLine, disabled.Out);
        Assert.Null(await WithAccounts(a => a.CallerForAsync(id)));
        Assert.Contains("Disabled", (await Run(["users", "list"])).Out);

        var enabled = await Run(["users", "enable", "--email", "jane.smith@iow.gov.uk"]);

        Assert.Equal(0, enabled.ExitCode);
        Assert.NotNull(await WithAccounts(a => a.CallerForAsync(id)));
    }

    [Fact]
    public async Task An_unknown_email_is_named()
    {
        var result = await Run(["users", "disable", "--email", "nobody@iow.gov.uk"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sharedservices: --email: there is no account with the address nobody@iow.gov.uk." + Environment.NewLine, result.Error);
    }
}

/// <summary>One PostgreSQL database per test, on the server the test command starts.</summary>
public sealed class UsersCommandPostgresTests : UsersCommandTests
{
    private readonly string _name = $"sharedservices_cli_users_{Guid.NewGuid():N}";

    private static string Server => Environment.GetEnvironmentVariable("SHAREDSERVICES_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("SHAREDSERVICES_TEST_POSTGRES is not set, so there is no PostgreSQL server. Run ./test.sh.");

    private string Connection => $"{Server};Database={_name}";

    protected override string[] DatabaseOptions => ["--postgres", Connection];

    protected override DatabaseSettings Settings => DatabaseSettings.ForPostgres(Connection);

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Add_then_disable_on_postgres_leaves_no_caller()
    {
        await AddAdmin(organisation: "iwc");
        var id = Assert.Single(await WithAccounts(a => a.ListAsync())).Id;

        var disabled = await Run(["users", "disable", "--email", "jane.smith@iow.gov.uk"]);

        Assert.Equal(0, disabled.ExitCode);
        Assert.Null(await WithAccounts(a => a.CallerForAsync(id)));
    }
}
