using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using FluentValidation;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;
using SharedServices.Domain;

namespace SharedServices.Cli;

/// <summary>
/// Exit codes: 0 answered, 1 not found or the database/seed data failed, 2 a wrong argument (usage), 3 some rows
/// of an import have problems (nothing saved) or some services could not be billed by a recharge run, 4 a whole
/// import file was refused.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Problems = 3;
    public const int Refused = 4;
}

/// <summary>A problem the command line reports as one line on stderr, with its exit code.</summary>
public sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>What a run reads from outside its arguments; tests replace them.</summary>
public sealed record CliEnvironment(Func<string, string?> Variable, TimeProvider Clock)
{
    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable, TimeProvider.System)
    {
        Input = Console.In,
        AskSecret = Console.IsInputRedirected ? null : TerminalSecret.Ask,
    };

    /// <summary>Standard input, read by <c>--password-stdin</c>.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Asks a question at the terminal and reads the answer without echoing it; null when no terminal is attached.</summary>
    public Func<string, string?>? AskSecret { get; init; }
}

/// <summary>
/// The `sharedservices` command line: parses, runs one command and turns every failure into a single line on
/// stderr and an exit code, never a stack trace.
/// </summary>
public static class Cli
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default) =>
        RunAsync(args, stdout, stderr, CliEnvironment.Process, cancel);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment, CancellationToken cancel = default)
    {
        var root = new RootCommand("SharedServices from the terminal: the app's register, key dates, notice what-if, charge schedules, activity imports, recharge runs, invoices, payments and the people who sign in, over the app's database.");
        root.Subcommands.Add(PartnershipsListCommand.Command(environment));
        root.Subcommands.Add(DatesCommand.Command(environment));
        root.Subcommands.Add(NoticeCommand.Command(environment));
        root.Subcommands.Add(SchedulesCommand.Command(environment));
        root.Subcommands.Add(ImportCommand.Command(environment));
        root.Subcommands.Add(RechargeCommand.Command(environment));
        root.Subcommands.Add(InvoicesCommand.Invoices(environment));
        root.Subcommands.Add(InvoicesCommand.Payments(environment));
        root.Subcommands.Add(InvoicesCommand.Settlement(environment));
        root.Subcommands.Add(StatementCommand.Command(environment));
        root.Subcommands.Add(DbCommand.Command(environment));
        root.Subcommands.Add(UsersCommand.Command(environment));
        root.Subcommands.Add(RegisterBenchmark.Command());
        root.Subcommands.Add(KeyDatesBenchmark.Command());
        root.Subcommands.Add(ImportBenchmark.Command());
        root.Subcommands.Add(RechargeBenchmark.Command());
        root.Subcommands.Add(WebBenchmark.Command(environment));

        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
            return Fail(stderr, UsageError(parse), ExitCodes.Usage);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancel);
        }
        catch (CliException ex) { return Fail(stderr, ex.Message, ex.ExitCode); }
        catch (DomainException ex) { return Fail(stderr, ex.Message, ExitCodes.Failed); }
        catch (ValidationException ex) { return Fail(stderr, string.Join("; ", ex.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")), ExitCodes.Failed); }
        catch (SeedDataException ex) { return Fail(stderr, "--seed: the seed data has errors: " + string.Join("; ", ex.Errors), ExitCodes.Failed); }
        catch (StartupException ex) { return Fail(stderr, ex.Message, ExitCodes.Failed); }
        catch (OperationCanceledException) { return Fail(stderr, "Cancelled.", ExitCodes.Failed); }
        catch (Exception ex) { return Fail(stderr, $"{ex.GetType().Name}: {ex.GetBaseException().Message}", ExitCodes.Failed); }
    }

    /// <summary>The most telling parse error: a wrong token before "no command given", which follows from it.</summary>
    private static string UsageError(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count > 0)
            return parse.Errors.FirstOrDefault(e => e.Message.Contains($"'{parse.UnmatchedTokens[0]}'"))?.Message
                ?? $"Unrecognized command or argument '{parse.UnmatchedTokens[0]}'.";
        var missingCommand = command.Subcommands.Count > 0 && command.Action is null;
        if (parse.Errors.FirstOrDefault(e => !missingCommand || e.SymbolResult is not CommandResult) is { } error) return error.Message;
        var path = string.Join(' ', parse.Tokens.TakeWhile(t => t.Type == TokenType.Command).Select(t => t.Value).Prepend("sharedservices"));
        return $"give a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))} (see {path} --help).";
    }

    private static int Fail(TextWriter stderr, string message, int exitCode)
    {
        stderr.WriteLine("sharedservices: " + OneLine(message));
        return exitCode;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
