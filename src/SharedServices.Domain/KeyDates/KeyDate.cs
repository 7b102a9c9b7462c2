namespace SharedServices.Domain.KeyDates;

/// <summary>The kinds of date a director watches.</summary>
public enum KeyDateKind
{
    /// <summary>The current term ends (after any extensions exercised).</summary>
    EndOfTerm,
    /// <summary>The last day a party can serve notice to leave at the end of the current term or period.</summary>
    LatestNoticeDate,
    /// <summary>The minimum term runs out; after it a party may leave on notice.</summary>
    MinimumTermEnd,
    /// <summary>A break date in the agreement.</summary>
    BreakDate,
    /// <summary>A review date in the agreement.</summary>
    ReviewDate,
    /// <summary>A decision's call-in period ends and it takes effect.</summary>
    CallInExpiry,
    /// <summary>Notice has been served and the agreement ends on this day.</summary>
    NoticeExit,
}

/// <summary>How soon a key date falls, which the views show as colour.</summary>
public enum Urgency
{
    /// <summary>Already passed.</summary>
    Past,
    /// <summary>Within 30 days.</summary>
    Urgent,
    /// <summary>Within 90 days.</summary>
    Soon,
    /// <summary>More than 90 days away.</summary>
    Later,
}

/// <summary>
/// One date that matters on one partnership: what it is and what happens if nobody acts by then.
/// <see cref="Date"/> is the day itself (inclusive: a latest notice date is the last day notice can be served).
/// </summary>
public sealed record KeyDate(
    DateOnly Date,
    KeyDateKind Kind,
    string PartnershipCode,
    string PartnershipName,
    string What,
    string IfNothingIsDone)
{
    /// <summary>How soon the date falls, seen from <paramref name="asOf"/>.</summary>
    public Urgency UrgencyOn(DateOnly asOf) => (Date.DayNumber - asOf.DayNumber) switch
    {
        < 0 => Urgency.Past,
        <= 30 => Urgency.Urgent,
        <= 90 => Urgency.Soon,
        _ => Urgency.Later,
    };

    /// <summary>The kind as a heading a director would read.</summary>
    public string KindText => Kind switch
    {
        KeyDateKind.EndOfTerm => "End of term",
        KeyDateKind.LatestNoticeDate => "Latest notice date",
        KeyDateKind.MinimumTermEnd => "Minimum term ends",
        KeyDateKind.BreakDate => "Break date",
        KeyDateKind.ReviewDate => "Review date",
        KeyDateKind.CallInExpiry => "Call-in ends",
        KeyDateKind.NoticeExit => "Exit after notice",
        _ => Kind.ToString(),
    };
}
