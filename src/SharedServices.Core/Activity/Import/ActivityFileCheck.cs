namespace SharedServices.Core.Activity.Import;

/// <summary>
/// Every problem found in a file, not just the first: up to <see cref="ActivityFileCheck.MaxListed"/> are listed,
/// and the rest counted, so a file of 200,000 bad rows cannot fill memory with messages.
/// </summary>
public sealed record ActivityFileReport(ActivityFileSummary Summary, IReadOnlyList<ActivityImportProblem> Problems, int ProblemsNotListed)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads a file and validates each row as it goes, collecting the problems by row and column. Rows that pass are
/// handed to <c>onGoodRow</c> (e.g. to stage them for saving); the caller saves nothing unless the report is valid.
/// </summary>
public static class ActivityFileCheck
{
    public const int MaxListed = 1_000;

    public static async Task<ActivityFileReport> CheckAsync(ActivityFileReader reader, Stream file, string fileName,
        ActivityRowValidator validator, Func<ActivityImportRow, CancellationToken, ValueTask>? onGoodRow = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(validator);
        var problems = new List<ActivityImportProblem>();
        var notListed = 0;
        var summary = await reader.ReadAsync(file, fileName, async (row, token) =>
        {
            var found = validator.Problems(row);
            if (found.Count == 0)
            {
                if (onGoodRow is not null) await onGoodRow(row, token);
                return;
            }
            var room = Math.Max(0, MaxListed - problems.Count);
            problems.AddRange(found.Take(room));
            notListed += Math.Max(0, found.Count - room);
        }, progress, cancel);
        return new ActivityFileReport(summary, problems, notListed);
    }
}
