using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SharedServices.Cli;

/// <summary>
/// The options every data command shares: which database (<c>--data-folder</c> or <c>--postgres</c>), an optional
/// seed folder to load first, and <c>--json</c>. New instances per command, so each command lists them in its help.
/// </summary>
internal sealed class CommonOptions
{
    public Option<string?> DataFolder { get; } = new("--data-folder")
    {
        Description = $"Folder holding the SQLite database ({Core.Persistence.DatabaseSettings.SqliteFileName}); default ${CliDatabase.WebDataFolderVariable}, " +
            $"${CliDatabase.DataFolderVariable}, else the web app's own data folder ({CliDatabase.DefaultDataFolder()})",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = $"PostgreSQL connection string to use instead of SQLite; default ${CliDatabase.PostgresVariable}",
    };

    public Option<string?> Seed { get; } = new("--seed")
    {
        Description = "Load seed data from this folder first (as the app does on start), creating the database if need be; none unless given",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document (camelCase, ISO dates) instead of text" };

    public void AddTo(Command command)
    {
        command.Options.Add(DataFolder);
        command.Options.Add(Postgres);
        command.Options.Add(Seed);
        command.Options.Add(Json);
    }

    public Task<CliDatabase> OpenAsync(ParseResult parse, CliEnvironment environment, CancellationToken cancel, bool create = false) =>
        CliDatabase.OpenAsync(parse.GetValue(DataFolder), parse.GetValue(Postgres), parse.GetValue(Seed), environment,
            parse.InvocationConfiguration.Error, cancel, create);
}

/// <summary>Options whose values are checked while parsing, so a wrong one is a usage error naming the option.</summary>
internal static class ParsedOptions
{
    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (yyyy-MM-dd)",
        Required = required,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2999) return date;
            result.AddError($"{name} must be a date from 1900 to 2999 written yyyy-MM-dd, not '{token}'.");
            return null;
        },
    };

    public static Option<int> WholeNumber(string name, string description, int min, int max, int defaultValue) => new(name)
    {
        Description = $"{description} ({min} to {max:N0})",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                return value;
            result.AddError($"{name} must be a whole number from {min} to {max:N0}, not '{token}'.");
            return defaultValue;
        },
    };

    /// <summary>One or more whole numbers from <paramref name="min"/> to <paramref name="max"/> (benchmark sizes), or a usage error naming the option.</summary>
    public static Option<int[]> WholeNumbers(string name, string description, int min, int max, int[] defaultValues) => new(name)
    {
        Description = $"{description} ({min} to {max:N0} each)",
        DefaultValueFactory = _ => defaultValues,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var values = new int[result.Tokens.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var token = result.Tokens[i].Value;
                if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) || values[i] < min || values[i] > max)
                {
                    result.AddError($"{name} must be whole numbers from {min} to {max:N0}, not '{token}'.");
                    return defaultValues;
                }
            }
            return values;
        },
    };

    /// <summary>An optional record id: a whole number from 1, or a usage error naming the option (not a .NET type name).</summary>
    public static Option<int?> Id(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
                return value;
            result.AddError($"{name} must be an id, a whole number from 1, not '{token}'.");
            return null;
        },
    };

    /// <summary>
    /// An enum by one of its names exactly, in any case ("innotice" is InNotice). Nothing looser: a scheduler's
    /// "act-ive" or "2" is a typo to report, not a guess to make.
    /// </summary>
    public static Option<T?> Enum<T>(string name, string description) where T : struct, Enum => new(name)
    {
        Description = $"{description}: {string.Join(", ", System.Enum.GetNames<T>())}",
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            foreach (var known in System.Enum.GetNames<T>())
                if (string.Equals(known, token, StringComparison.OrdinalIgnoreCase)) return System.Enum.Parse<T>(known);
            result.AddError($"{name} must be one of {string.Join(", ", System.Enum.GetNames<T>())}, not '{token}'.");
            return null;
        },
    };

    public static Option<string> RequiredText(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
            if (token.Length == 0) result.AddError($"{name} must not be empty.");
            return token;
        },
    };
}
