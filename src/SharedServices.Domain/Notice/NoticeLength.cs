namespace SharedServices.Domain.Notice;

/// <summary>The unit a notice period is written in.</summary>
public enum NoticeUnit
{
    Months,
    Weeks,
    Days,
}

/// <summary>
/// A length of notice such as "3 months" or "6 weeks". Notice of N months served on day D runs to the same day
/// N months later, clamped to the month's end (1 month from 31 January 2025 is 28 February 2025), and the
/// agreement may end on that day. Weeks and days count calendar days.
/// </summary>
public readonly record struct NoticeLength
{
    public NoticeLength(int amount, NoticeUnit unit)
    {
        var max = MaxAmount(unit);
        if (amount < 1 || amount > max)
            throw new DomainException($"A notice period in {unit.ToString().ToLowerInvariant()} is between 1 and {max:N0}.");
        Amount = amount;
        Unit = unit;
    }

    /// <summary>The longest notice accepted in each unit: ten years.</summary>
    public static int MaxAmount(NoticeUnit unit) => unit switch { NoticeUnit.Months => 120, NoticeUnit.Weeks => 520, _ => 3660 };

    public int Amount { get; }
    public NoticeUnit Unit { get; }

    public static NoticeLength Months(int months) => new(months, NoticeUnit.Months);

    /// <summary>The first day the agreement may end if notice is served on <paramref name="servedOn"/>.</summary>
    public DateOnly RunsTo(DateOnly servedOn) => Unit switch
    {
        NoticeUnit.Months => servedOn.AddMonths(Amount),
        NoticeUnit.Weeks => servedOn.AddDays(7 * Amount),
        _ => servedOn.AddDays(Amount),
    };

    /// <summary>
    /// The last day notice can be served so that it has run by <paramref name="exit"/>. Month clamping means several
    /// days can map to one: 1 month from 28, 29, 30 or 31 January 2025 all reach 28 February 2025, so to leave on
    /// 28 February the latest day is 31 January.
    /// </summary>
    public DateOnly LatestServiceFor(DateOnly exit)
    {
        var served = Unit switch
        {
            NoticeUnit.Months => exit.AddMonths(-Amount),
            NoticeUnit.Weeks => exit.AddDays(-7 * Amount),
            _ => exit.AddDays(-Amount),
        };
        while (served < DateOnly.MaxValue && RunsTo(served.AddDays(1)) <= exit) served = served.AddDays(1);
        return served;
    }

    public override string ToString() => (Amount, Unit) switch
    {
        (1, NoticeUnit.Months) => "1 month",
        (1, NoticeUnit.Weeks) => "1 week",
        (1, NoticeUnit.Days) => "1 day",
        _ => $"{Amount} {Unit.ToString().ToLowerInvariant()}",
    };
}
