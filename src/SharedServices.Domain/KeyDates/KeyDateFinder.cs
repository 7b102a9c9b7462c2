using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Domain.KeyDates;

/// <summary>
/// Every date a director should know about on a partnership between two days (both included): ends of term and of
/// renewal periods, latest notice dates, the end of the minimum term, break and review dates, exits under notice
/// and call-in expiries. Each says what happens if nobody acts.
/// </summary>
public static class KeyDateFinder
{
    // Renewing agreements produce a period end every few months for ever; stop after this many per partnership.
    private const int MaxPeriods = 60;

    /// <param name="asOf">The day whose knowledge counts: history dated after it is left out. Default <paramref name="from"/>.</param>
    public static IReadOnlyList<KeyDate> Between(IEnumerable<Partnership> partnerships, DateOnly from, DateOnly to, WorkingDayCalendar calendar, DateOnly? asOf = null) =>
        partnerships.SelectMany(p => For(p, from, to, calendar, asOf))
            .OrderBy(d => d.Date).ThenBy(d => d.PartnershipName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Kind)
            // Same day, partnership and kind (each party's latest notice date): by text, not the order the parties loaded in,
            // so that the stored dates and the worked-out ones list them alike.
            .ThenBy(d => d.What, StringComparer.Ordinal)
            .ToList();

    /// <param name="asOf">The day whose knowledge counts: history dated after it is left out. Default <paramref name="from"/>.</param>
    public static IEnumerable<KeyDate> For(Partnership partnership, DateOnly from, DateOnly to, WorkingDayCalendar calendar, DateOnly? asOf = null)
    {
        if (to < from) throw new DomainException("The end of the period is before its start.");
        // As of means as of: notice served, extensions and terminations dated later were not known then.
        partnership = partnership.AsOf(asOf ?? from);
        var found = new List<KeyDate>();
        void Add(DateOnly date, KeyDateKind kind, string what, string ifNothing)
        {
            if (date >= from && date <= to) found.Add(new KeyDate(date, kind, partnership.Code, partnership.Name, what, ifNothing));
        }

        foreach (var decision in partnership.Decisions)
        {
            var days = decision.Organisation?.CallInWorkingDays ?? Organisations.Organisation.DefaultCallInWorkingDays;
            if (decision.CallInEndsOn(calendar, days) is { } callIn)
                Add(callIn, KeyDateKind.CallInExpiry,
                    $"The call-in period for the {decision.DecisionMaker} decision of {DateText.Long(decision.DecisionDate)}{(decision.Reference is { } r ? $" ({r})" : "")} ends ({days} working days after publication).",
                    "The decision takes effect at the end of the day unless it has been called in.");
        }

        var status = partnership.StatusOn(from);
        if (status is PartnershipStatus.Ended or PartnershipStatus.Terminated) return found;

        if (partnership.TerminatedOn is { } last)
            Add(last, KeyDateKind.EndOfTerm, "The agreement's last day, as recorded when it was terminated.", "The agreement ends.");
        if (partnership.NoticeExitOn is { } exit)
        {
            var server = PartyName(partnership, partnership.Events.First(e => e.Kind == PartnershipEventKind.NoticeServed).OrganisationId);
            Add(exit, KeyDateKind.NoticeExit, $"Notice served by {server} takes effect: the agreement's last day.", "The agreement ends.");
        }
        if (partnership.TerminatedOn is null && partnership.NoticeExitOn is null)
        {
            AddTermDates(partnership, from, to, Add);
            // A renewing agreement's first period end after the minimum term is among its term dates already.
            if (!partnership.Renews) AddMinimumTermDeadlines(partnership, Add);
        }

        if (partnership.MinimumTermEnd is { } minimum)
            Add(minimum, KeyDateKind.MinimumTermEnd, "The minimum term ends.", partnership.NoticeExitOn is { } noticeExit
                // Notice already served decides what follows; "either party may leave" would contradict its exit row.
                ? $"The agreement continues until {DateText.Long(noticeExit)}, when the notice already served takes effect."
                : "The agreement continues; from now on either party may leave on notice.");

        foreach (var milestone in partnership.Milestones)
        {
            var note = milestone.Note is { } n ? $": {n}" : ".";
            if (milestone.Kind == MilestoneKind.Review)
            {
                Add(milestone.Date, KeyDateKind.ReviewDate, $"The agreement is due for review{note}", "The agreement continues unreviewed.");
                continue;
            }
            Add(milestone.Date, KeyDateKind.BreakDate, $"Break date{note}", "The break passes and the agreement continues.");
            foreach (var party in partnership.NoticePeriods.Where(p => p.Length is not null))
                Add(party.Length!.Value.LatestServiceFor(milestone.Date), KeyDateKind.LatestNoticeDate,
                    $"Last day for {PartyName(partnership, party.OrganisationId)} to serve {party.Length} notice to use the break on {DateText.Long(milestone.Date)}.",
                    "The break cannot be used.");
        }
        return found;
    }

    private static void AddTermDates(Partnership partnership, DateOnly from, DateOnly to, Action<DateOnly, KeyDateKind, string, string> add)
    {
        var schedule = partnership.Schedule;
        if (schedule.CurrentEnd is not { } end) return;
        if (!schedule.Renews)
        {
            var remaining = (partnership.Term.ExtensionOptions ?? 0) - partnership.ExtensionsExercised;
            add(end, KeyDateKind.EndOfTerm, "The current term ends.", remaining > 0
                ? $"The agreement ends, unless one of the {remaining} remaining extension option{(remaining == 1 ? "" : "s")} ({Term.MonthsText(partnership.Term.ExtensionMonths!.Value)} each) is exercised before then."
                : "The agreement ends.");
            return;
        }

        // A renewing agreement: each period end, and for each party the last day to give notice before it.
        var rules = partnership.ExitRules;
        var periodEnd = schedule.PeriodEndOnOrAfter(from)!.Value;
        for (var i = 0; i < MaxPeriods; i++)
        {
            var nextEnd = schedule.PeriodEndOnOrAfter(periodEnd.AddDays(1))!.Value;
            add(periodEnd, KeyDateKind.EndOfTerm, "The current period ends.", $"The agreement renews until {DateText.Long(nextEnd)}.");
            var earliestDeadline = periodEnd;
            foreach (var party in partnership.NoticePeriods.Where(p => p.Length is not null))
            {
                var deadline = NoticeCalculator.LatestNoticeDate(rules, party.Length!.Value, periodEnd);
                if (deadline.LatestServiceDate is not { } latest || deadline.ExitDate != periodEnd) continue;
                earliestDeadline = latest < earliestDeadline ? latest : earliestDeadline;
                add(latest, KeyDateKind.LatestNoticeDate,
                    $"Last day for {PartyName(partnership, party.OrganisationId)} to serve {party.Length} notice to leave on {DateText.Long(periodEnd)}.",
                    $"The agreement renews until {DateText.Long(nextEnd)}.");
            }
            if (periodEnd > to && earliestDeadline > to)
            {
                // No period end inside the minimum term has a deadline; the first one after it may still have one
                // inside the window (long notice), so look there before stopping.
                if (rules.MinimumTermEnd is { } minimum && minimum > periodEnd)
                {
                    periodEnd = schedule.PeriodEndOnOrAfter(minimum)!.Value;
                    continue;
                }
                break;
            }
            periodEnd = nextEnd;
        }
    }

    private static void AddMinimumTermDeadlines(Partnership partnership, Action<DateOnly, KeyDateKind, string, string> add)
    {
        foreach (var party in partnership.NoticePeriods.Where(p => p.Length is not null))
        {
            if (NoticeCalculator.LatestNoticeForMinimumTerm(partnership.ExitRules, party.Length!.Value) is not { LatestServiceDate: { } latest, ExitDate: { } exit })
                continue;
            add(latest, KeyDateKind.LatestNoticeDate,
                $"Last day for {PartyName(partnership, party.OrganisationId)} to serve {party.Length} notice to leave {(exit == partnership.MinimumTermEnd ? "when the minimum term ends" : "at the first chance after the minimum term")}, on {DateText.Long(exit)}.",
                $"The agreement continues past {DateText.Long(exit)}; {PartyName(partnership, party.OrganisationId)} can still leave later on {party.Length} notice.");
        }
    }

    private static string PartyName(Partnership partnership, int? organisationId) =>
        partnership.Parties.FirstOrDefault(p => p.OrganisationId == organisationId)?.Organisation?.ShortCode ?? "a party";
}
