using System.CommandLine;
using System.Globalization;
using SharedServices.Core.Activity;
using SharedServices.Core.Activity.Import;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices import activity FILE --partnership CODE`: imports a .csv or .xlsx of activity exactly as the screen
/// does, all or nothing, and reports every bad row by row and column; `import history` lists a partnership's imports.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Rows between progress lines on stderr, so only big files print any.</summary>
    internal const int ProgressEvery = 10_000;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static Command Command(CliEnvironment environment) =>
        new("import", "Import activity from a file, and the history of imports.") { Activity(environment), History(environment) };

    private static Command Activity(CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "The .csv or .xlsx of activity, with the template's header row" };
        var partnership = ParsedOptions.RequiredText("--partnership", "The partnership's code, e.g. scc-iwc-education-support");
        var by = new Option<string?>("--as")
        {
            Description = "Who is importing it, as the history records it; default the user's login name followed by \"(command line)\"",
        };
        var common = new CommonOptions();
        var command = new Command("activity",
            "Import a file of activity into a partnership: every row is checked and nothing is saved unless all are good. " +
            $"Exit {ExitCodes.Ok} saved, {ExitCodes.Problems} rows with problems, {ExitCodes.Refused} file refused (e.g. already imported).")
        {
            file, partnership, by,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var path = parse.GetValue(file)!;
            var fileName = Path.GetFileName(path);
            if (Directory.Exists(path) || !File.Exists(path))
                throw new CliException($"There is no file {Path.GetFullPath(path)}.", ExitCodes.Failed);
            var importedBy = parse.GetValue(by)?.Trim() is { Length: > 0 } name ? name : $"{Environment.UserName} (command line)";
            var json = parse.GetValue(common.Json);
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;

            await using var database = await common.OpenAsync(parse, environment, cancel);
            ActivityImportOutcome outcome;
            try
            {
                // The screen's limits (ImportLimits) hold here too: the importer refuses a larger file
                // by name and limit before reading it, so the command line is no way round them.
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                outcome = await database.Get<ActivityImporter>().ImportAsync(parse.GetValue(partnership)!, stream, fileName, importedBy,
                    json ? null : new RowsReadProgress(error), cancel);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot read {Path.GetFullPath(path)}: {ex.Message}", ExitCodes.Failed);
            }

            var exit = outcome.Saved ? ExitCodes.Ok : outcome.Refusal is not null ? ExitCodes.Refused : ExitCodes.Problems;
            if (json) JsonOutput.Write(output, Document(parse.GetValue(partnership)!, outcome));
            else if (outcome.Import is { } import)
                output.WriteLine($"Imported {import.RowCount:N0} row{(import.RowCount == 1 ? "" : "s")} from {path} into {parse.GetValue(partnership)}.");
            else if (outcome.Refusal is { } refusal)
                error.WriteLine("sharedservices: " + (refusal.Contains("Nothing was saved", StringComparison.Ordinal) ? refusal : refusal + " Nothing was saved."));
            else
                WriteProblems(error, fileName, outcome.Report!);
            return exit;
        });
        return command;
    }

    private static object Document(string partnership, ActivityImportOutcome outcome) => new
    {
        File = outcome.FileName,
        Partnership = partnership,
        outcome.Saved,
        Rows = outcome.Import?.RowCount ?? outcome.Report?.Summary.RowCount ?? 0,
        ImportId = outcome.Import?.Id,
        Problems = (outcome.Report?.Problems ?? []).Select(p => new { p.Row, p.Column, p.Reason }),
        ProblemsNotListed = outcome.Report?.ProblemsNotListed ?? 0,
        outcome.Refusal,
    };

    private static void WriteProblems(TextWriter error, string fileName, ActivityFileReport report)
    {
        var count = report.Problems.Count + report.ProblemsNotListed;
        error.WriteLine($"sharedservices: {fileName} has {count:N0} problem{(count == 1 ? "" : "s")}, so nothing was saved. " +
                        $"Fix {(count == 1 ? "it" : "them")} and import the whole file again:");
        foreach (var problem in report.Problems) error.WriteLine(problem.ToString());
        if (report.ProblemsNotListed > 0)
            error.WriteLine($"and {report.ProblemsNotListed:N0} more problem{(report.ProblemsNotListed == 1 ? "" : "s")} not listed");
    }

    private static Command History(CliEnvironment environment)
    {
        var partnership = ParsedOptions.RequiredText("--partnership", "The partnership's code, e.g. scc-iwc-education-support");
        var common = new CommonOptions();
        var command = new Command("history", "List a partnership's imports of activity, newest first.") { partnership };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var code = parse.GetValue(partnership)!;
            var imports = await database.Get<ActivityImports>().HistoryAsync(code, cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new
                {
                    Partnership = code,
                    Count = imports.Count,
                    Imports = imports.Select(e => new
                    {
                        e.Import.Id, e.Import.FileName, Rows = e.Import.RowCount, e.Import.ImportedBy, e.Import.ImportedAtUtc,
                        Undone = e.Import.IsUndone, e.Import.UndoneBy, e.Import.UndoneAtUtc, e.BilledRows, e.CanUndo,
                    }),
                });
            else if (imports.Count == 0)
                output.WriteLine($"No activity has been imported into {code}.");
            else
                TextTable.Write(output, ["Imported (UK time)", "File", "Rows", "By", "Undone"],
                    imports.Select(e => (IReadOnlyList<string>)[UkTime(e.Import.ImportedAtUtc), e.Import.FileName, e.Import.RowCount.ToString("N0", EnGb),
                        e.Import.ImportedBy, e.Import.UndoneAtUtc is { } undone ? $"{UkTime(undone)} by {e.Import.UndoneBy}" : "-"]).ToList());
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A UTC time as a council officer reads it: UK time (GMT or BST), e.g. "20 November 2013 12:00".</summary>
    internal static string UkTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkZone).ToString("d MMMM yyyy HH:mm", EnGb);

    private static readonly TimeZoneInfo UkZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>"Read 10,000 rows (12%)…" on stderr every <see cref="ProgressEvery"/> rows; the reader reports as it reads.</summary>
    private sealed class RowsReadProgress(TextWriter error) : IProgress<ImportProgress>
    {
        private int _shown;

        public void Report(ImportProgress value)
        {
            if (value.RowsRead / ProgressEvery <= _shown / ProgressEvery) return;
            _shown = value.RowsRead;
            var percent = value.TotalBytes > 0 ? $" ({100 * value.BytesRead / value.TotalBytes}% of the file)" : "";
            error.WriteLine($"Read {value.RowsRead:N0} rows{percent}…");
        }
    }
}
