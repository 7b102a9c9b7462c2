using System.CommandLine;
using SharedServices.Core.Access;
using SharedServices.Domain;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices users`: the people who sign in. `users add --admin` is how a production database gets its first
/// administrator (there are no default accounts). Everything here is done as the system caller "Command line (login
/// name)", so the audit trail records who ran it.
/// </summary>
internal static class UsersCommand
{
    public static Command Command(CliEnvironment environment) =>
        new("users", "The people who sign in: add them (the first administrator too), list, disable, enable, change roles.")
        {
            Add(environment), List(environment), Disable(environment), Enable(environment), SetRoles(environment),
        };

    private static Command Add(CliEnvironment environment)
    {
        var email = ParsedOptions.RequiredText("--email", "The person's e-mail address, which they sign in with");
        var name = ParsedOptions.RequiredText("--name", "The person's name as the app shows it, e.g. \"Jane Smith\"");
        var organisation = ParsedOptions.RequiredText("--organisation", "The short code of the person's organisation, e.g. IWC");
        var admin = new Option<bool>("--admin") { Description = "Make the person an administrator (the first run's step)" };
        var roles = RoleOption(required: false);
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the first password from the first line of standard input; without it the password is asked twice at the terminal. Never an argument, which would sit in the shell's history",
        };
        var common = new CommonOptions();
        var command = new Command("add", "Add a person with a first password.") { email, name, organisation, admin, roles, passwordStdin };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            // The password first, so that a prompt is not kept waiting behind the database's start-up.
            var password = ReadPassword(parse.GetValue(passwordStdin), environment);
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var wanted = (parse.GetValue(roles) ?? []).ToList();
            if (parse.GetValue(admin)) wanted.Insert(0, Roles.Administrator);
            var account = new NewAccount(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(organisation)!, wanted.Distinct().ToList(), password);
            var added = await NamingOptions(() => database.Get<UserAccounts>().AddAsync(account, cancel));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json)) JsonOutput.Write(output, Document(added));
            else output.WriteLine($"Added {added.DisplayName} ({added.Email}) at {added.OrganisationName}, {RolesText(added.Roles)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var command = new Command("list", "List every account, by organisation and name, with its roles and whether it is disabled or locked out.");
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var accounts = await database.Get<UserAccounts>().ListAsync(cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new { Count = accounts.Count, Accounts = accounts.Select(Document) });
            else if (accounts.Count == 0)
                output.WriteLine("No accounts yet. Add the first administrator with: sharedservices users add --admin --email E --name N --organisation CODE");
            else
                TextTable.Write(output, ["E-mail", "Name", "Organisation", "Roles", "State"],
                    accounts.Select(a => (IReadOnlyList<string>)[a.Email, a.DisplayName, a.OrganisationName,
                        a.Roles.Count == 0 ? "-" : string.Join(", ", a.Roles), State(a)]).ToList());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Disable(CliEnvironment environment) =>
        Change(environment, "disable", "Disable an account: it cannot sign in, its open pages are cut off and its calendar feed stops.", [],
            async (_, accounts, account, cancel) =>
            {
                await accounts.DisableAsync(account.Id, cancel);
                return $"Disabled {account.DisplayName} ({account.Email}).";
            });

    private static Command Enable(CliEnvironment environment) =>
        Change(environment, "enable", "Enable a disabled account again (and clear any lockout).", [],
            async (_, accounts, account, cancel) =>
            {
                await accounts.EnableAsync(account.Id, cancel);
                return $"Enabled {account.DisplayName} ({account.Email}).";
            });

    private static Command SetRoles(CliEnvironment environment)
    {
        var roles = RoleOption(required: true);
        return Change(environment, "roles", "Replace an account's roles with those given (--role once for each).", [roles],
            async (parse, accounts, account, cancel) =>
            {
                var wanted = parse.GetValue(roles) ?? [];
                await accounts.SetRolesAsync(account.Id, wanted, cancel);
                return $"{account.DisplayName} ({account.Email}) now has {RolesText(wanted)}.";
            });
    }

    /// <summary>A verb that finds one account by <c>--email</c>, changes it and says what it did.</summary>
    private static Command Change(CliEnvironment environment, string verb, string description, Option[] options,
        Func<ParseResult, UserAccounts, AccountSummary, CancellationToken, Task<string>> change)
    {
        var email = ParsedOptions.RequiredText("--email", "The account's e-mail address");
        var common = new CommonOptions();
        var command = new Command(verb, description) { email };
        foreach (var option in options) command.Options.Add(option);
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var accounts = database.Get<UserAccounts>();
            var address = parse.GetValue(email)!;
            var account = (await accounts.ListAsync(cancel)).FirstOrDefault(a => string.Equals(a.Email, address, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException($"--email: there is no account with the address {address}.", ExitCodes.Failed);
            var message = await NamingOptions(() => change(parse, accounts, account, cancel));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json)) JsonOutput.Write(output, Document((await accounts.ListAsync(cancel)).First(a => a.Id == account.Id)));
            else output.WriteLine(message);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>--role</c>, once for each role, by its exact name in any case ("finance officer" is Finance officer).</summary>
    private static Option<string[]> RoleOption(bool required) => new("--role")
    {
        Description = $"A role to hold, given once for each: {string.Join(", ", Roles.All.Select(r => $"\"{r}\""))}",
        Required = required,
        CustomParser = result =>
        {
            var named = new List<string>();
            foreach (var token in result.Tokens.Select(t => t.Value.Trim()))
            {
                var role = Roles.All.FirstOrDefault(r => string.Equals(r, token, StringComparison.OrdinalIgnoreCase));
                if (role is null)
                {
                    result.AddError($"--role must be one of {string.Join(", ", Roles.All)}, not '{token}'.");
                    return [];
                }
                named.Add(role);
            }
            return named.Distinct().ToArray();
        },
    };

    /// <summary>
    /// The first password: the first line of standard input with <c>--password-stdin</c>, else typed twice at the
    /// terminal without echo. Never from an argument, where it would sit in the shell's history and the process list.
    /// </summary>
    private static string ReadPassword(bool fromStdin, CliEnvironment environment)
    {
        if (fromStdin)
        {
            var line = environment.Input.ReadLine();
            if (string.IsNullOrEmpty(line)) throw new CliException("--password-stdin: standard input held no password (give it on the first line).", ExitCodes.Usage);
            return line;
        }
        if (environment.AskSecret is not { } ask)
            throw new CliException("No terminal to ask the password at: give it on standard input with --password-stdin.", ExitCodes.Usage);
        var first = ask("Password for the new account: ") ?? "";
        if (first.Length == 0) throw new CliException("Password: nothing was typed.", ExitCodes.Usage);
        var again = ask("Type it again: ") ?? "";
        if (first != again) throw new CliException("Password: the two passwords typed differ; nothing was saved.", ExitCodes.Usage);
        return first;
    }

    /// <summary>Turns the field a refusal names ("Organisation: …") into the option that gave it ("--organisation: …").</summary>
    private static async Task<T> NamingOptions<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (DomainException ex)
        {
            throw new CliException(OptionNamed(ex.Message), ExitCodes.Failed);
        }
    }

    internal static string OptionNamed(string message)
    {
        (string Field, string Option)[] fields =
            [("Organisation:", "--organisation:"), ("E-mail:", "--email:"), ("Name:", "--name:"), ("Roles:", "--role:"), ("Password:", "Password:")];
        foreach (var (field, option) in fields)
            if (message.StartsWith(field, StringComparison.Ordinal)) return option + message[field.Length..];
        return message;
    }

    private static string RolesText(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? "no roles (may read only)" : (roles.Count == 1 ? "the role " : "the roles ") + string.Join(", ", roles);

    private static string State(AccountSummary account) => account.Disabled ? "Disabled" : account.LockedOut ? "Locked out" : "Active";

    private static object Document(AccountSummary a) => new
    {
        a.Email, Name = a.DisplayName, Organisation = a.OrganisationName, a.Roles, a.Disabled, a.LockedOut, a.HasCalendarFeed,
    };
}
