using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Partnerships;

public enum MilestoneKind
{
    /// <summary>A day on which a party may end the agreement early under a break clause.</summary>
    Break,
    /// <summary>A day by which the agreement is to be reviewed.</summary>
    Review,
}

/// <summary>A break or review date written into the agreement, with its source.</summary>
public sealed class Milestone
{
    private Milestone() { }

    public Milestone(MilestoneKind kind, DateOnly date, string? note, SourceReference? source)
    {
        if (date.Year is < 1900 or > 2999) throw new DomainException($"{DateText.Long(date)} is not a plausible date for a {Describe(kind)}.");
        Kind = kind;
        Date = date;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Source = source;
    }

    public int Id { get; private set; }
    public MilestoneKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Note { get; private set; }
    public SourceReference? Source { get; private set; }

    public static string Describe(MilestoneKind kind) => kind == MilestoneKind.Break ? "break date" : "review date";
}
