namespace SharedServices.Domain.Partnerships;

/// <summary>
/// How a partnership's status on a day follows from its dates. Kept apart from <see cref="Partnership"/> so the
/// register can apply it to the few columns it reads, and so the database query that filters by status
/// (Core's <c>PartnershipStatusQuery</c>) can be checked against it.
/// </summary>
public static class PartnershipStatusRule
{
    /// <param name="date">The day asked about.</param>
    /// <param name="startedOn">The first day, if known.</param>
    /// <param name="decidedBy">Whether any decision about the partnership had been made by <paramref name="date"/>.</param>
    /// <param name="noticeServedOn">When notice was served, if it has been.</param>
    /// <param name="noticeExitOn">The last day under that notice.</param>
    /// <param name="terminatedOn">The recorded last day of a terminated agreement.</param>
    /// <param name="renews">Whether the agreement renews itself at the end of each term.</param>
    /// <param name="currentTermEnd">The last day of the current term.</param>
    public static PartnershipStatus On(DateOnly date, DateOnly? startedOn, bool decidedBy, DateOnly? noticeServedOn,
        DateOnly? noticeExitOn, DateOnly? terminatedOn, bool renews, DateOnly? currentTermEnd)
    {
        if (terminatedOn is { } last && last < date) return PartnershipStatus.Terminated;
        if (noticeExitOn is { } exit && exit < date) return PartnershipStatus.Ended;
        if (startedOn is not { } start || date < start)
            return startedOn is not null && decidedBy ? PartnershipStatus.Approved : PartnershipStatus.Proposed;
        if (noticeServedOn is { } served && served <= date) return PartnershipStatus.InNotice;
        // A recorded termination later than the term's end shows it ran on until then, but only once it is known:
        // a termination is dated by its last day, and "as of" uses only what is dated on or before the day.
        if ((terminatedOn is null || terminatedOn > date) && !renews && currentTermEnd is { } end && end < date) return PartnershipStatus.Ended;
        return PartnershipStatus.Active;
    }
}
