namespace SharedServices.Core.Activity.Import;

/// <summary>
/// One data row of an activity file, as text, before validation. <see cref="RowNumber"/> is the row number the
/// officer sees in Excel (the header is row 1). Values from .xlsx are normalised to text: numbers in invariant
/// form, dates as yyyy-MM-dd, so one validator serves both formats.
/// </summary>
public sealed record ActivityImportRow(
    int RowNumber,
    string Service,
    string Date,
    string Quantity,
    string Unit,
    string ActualCost,
    string Description,
    string Reference)
{
    /// <summary>Cells that could not be read at all (e.g. a formula with no saved result), by column label.</summary>
    public IReadOnlyList<ActivityImportProblem> CellProblems { get; init; } = [];

    /// <summary>Whether the reader already found a problem in this column, so the validator need not add another.</summary>
    public bool HasCellProblem(string columnLabel) => CellProblems.Any(p => p.Column == columnLabel);
}

/// <summary>What is wrong with one cell or row: the row number, the column's label and a reason to show.</summary>
public sealed record ActivityImportProblem(int Row, string Column, string Reason)
{
    // Every reason starts with its column's label ("Date: …"), so the label is not repeated.
    public override string ToString() => $"Row {Row:N0}: {Reason}";
}

/// <summary>The columns of an activity file, by the labels in the downloadable template.</summary>
public static class ActivityColumns
{
    public const string Service = "Service";
    public const string Date = "Date";
    public const string Quantity = "Quantity";
    public const string Unit = "Unit";
    public const string ActualCost = "Actual cost";
    public const string Description = "Description";
    public const string Reference = "Reference";

    /// <summary>Every column, in template order.</summary>
    public static IReadOnlyList<string> All { get; } = [Service, Date, Quantity, Unit, ActualCost, Description, Reference];

    /// <summary>Columns a file must have (their cells may be blank); Description and Reference may be left out.</summary>
    public static IReadOnlyList<string> Required { get; } = [Service, Date, Quantity, Unit, ActualCost];

    /// <summary>
    /// Finds each column in a header row, ignoring case and surrounding spaces. Returns the cell index of each column
    /// in <see cref="All"/> order (-1 when an optional column is absent); refuses a missing or repeated column.
    /// </summary>
    public static int[] Locate(IReadOnlyList<string?> header)
    {
        var indexes = All.Select(_ => -1).ToArray();
        for (var cell = 0; cell < header.Count; cell++)
        {
            var name = header[cell]?.Trim() ?? "";
            var column = IndexOf(name);
            if (column < 0) continue;
            if (indexes[column] >= 0)
                throw new ActivityFileRefusedException($"The header row has the column \"{All[column]}\" twice; keep one.");
            indexes[column] = cell;
        }
        var missing = Required.Where(c => indexes[IndexOf(c)] < 0).ToList();
        if (missing.Count > 0)
            throw new ActivityFileRefusedException(
                $"The header row has no {string.Join(", ", missing.Select(c => $"\"{c}\""))} column" +
                $"{(missing.Count > 1 ? "s" : "")}. The first row must name the columns: {string.Join(", ", All)}.");
        return indexes;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Builds a row from cell texts located by <see cref="Locate"/>.</summary>
    internal static ActivityImportRow ToRow(int rowNumber, int[] indexes, Func<int, string> cell,
        IReadOnlyList<ActivityImportProblem>? problems = null)
    {
        string At(int column) => indexes[column] < 0 ? "" : cell(indexes[column]).Trim();
        return new ActivityImportRow(rowNumber, At(0), At(1), At(2), At(3), At(4), At(5), At(6))
        {
            CellProblems = problems is { Count: > 0 } ? problems : [],
        };
    }
}
