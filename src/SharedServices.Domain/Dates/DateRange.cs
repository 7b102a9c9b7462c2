namespace SharedServices.Domain.Dates;

/// <summary>
/// A run of whole days from <see cref="Start"/> to <see cref="End"/>, both included. Agreements are written
/// this way ("from 1 July 2013 to 30 June 2018"), so an inclusive end avoids the off-by-one that an exclusive
/// end invites when a date is read back to a user.
/// </summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
            throw new DomainException($"The end date {DateText.Long(end)} is before the start date {DateText.Long(start)}.");
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }

    /// <summary>How many days the range covers, counting both ends: 1 to 1 January is one day.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Overlaps(DateRange other) => Start <= other.End && other.Start <= End;

    /// <summary>
    /// The range that starts on <paramref name="start"/> and lasts <paramref name="months"/> calendar months,
    /// ending the day before the same day-of-month: 1 July 2013 for 60 months ends 30 June 2018. Where that month
    /// has no such day (the "corresponding date" rule), the period runs to the month's last day: a year from
    /// 29 February 2024 ends 28 February 2025, and a month from 31 January ends on the last day of February.
    /// </summary>
    public static DateRange ForMonths(DateOnly start, int months)
    {
        if (months < 1) throw new DomainException("A period must last at least one month.");
        return new DateRange(start, EndOfMonths(start, months));
    }

    /// <summary>The last day of a period of <paramref name="months"/> months from <paramref name="start"/>; see <see cref="ForMonths"/>.</summary>
    public static DateOnly EndOfMonths(DateOnly start, int months)
    {
        var corresponding = start.AddMonths(months);
        return corresponding.Day < start.Day ? corresponding : corresponding.AddDays(-1);
    }

    public override string ToString() => $"{DateText.Long(Start)} to {DateText.Long(End)}";
}
