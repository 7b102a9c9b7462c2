using SharedServices.Domain.Dates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Domain.Notice;

/// <summary>What limits when an agreement can end, apart from the notice itself.</summary>
/// <param name="Schedule">The current term, with any renewal.</param>
/// <param name="MinimumTermEnd">The last day of the minimum term; no exit falls before it.</param>
/// <param name="TerminationFalls">Whether an exit must fall at a month, quarter or year end.</param>
public sealed record ExitRules(TermSchedule Schedule, DateOnly? MinimumTermEnd, TerminationFalls TerminationFalls);

/// <summary>The answer to "if we serve notice on this day, when are we out?".</summary>
/// <param name="ExitDate">The agreement's last day.</param>
/// <param name="Reasons">How the date was reached, step by step, for the director reading it.</param>
/// <param name="TermEndsFirstOn">Set when a term that does not renew ends before the notice would take effect.</param>
public sealed record ExitEstimate(DateOnly ServedOn, DateOnly NoticeRunsTo, DateOnly ExitDate, IReadOnlyList<string> Reasons, DateOnly? TermEndsFirstOn)
{
    /// <summary>The agreement's actual last day: the notice exit, or the end of a term that runs out first.</summary>
    public DateOnly AgreementEnds => TermEndsFirstOn ?? ExitDate;
}

/// <summary>The answer to "by when must we serve notice to be out by this day?". <see cref="LatestServiceDate"/> is null when no exit is possible by then.</summary>
public sealed record NoticeDeadline(DateOnly? LatestServiceDate, DateOnly? ExitDate, string Explanation);

/// <summary>
/// Earliest exit and latest notice date, the two questions directors ask. Both directions use the same steps so that
/// serving on the latest notice date always exits on or before the day asked for:
/// notice runs its length; the exit cannot fall before the minimum term ends; a renewing agreement ends only at the end
/// of a term or renewal period; otherwise the exit moves to the next month, quarter or year end when the term says so.
/// </summary>
public static class NoticeCalculator
{
    public static ExitEstimate EarliestExit(ExitRules rules, NoticeLength notice, DateOnly servedOn)
    {
        var runsTo = notice.RunsTo(servedOn);
        var reasons = new List<string> { $"{notice} notice served on {DateText.Long(servedOn)} runs to {DateText.Long(runsTo)}." };
        var exit = runsTo;
        if (rules.MinimumTermEnd is { } minimum && minimum > exit)
        {
            exit = minimum;
            reasons.Add($"The minimum term runs to {DateText.Long(minimum)}, so the agreement cannot end before then.");
        }
        if (rules.Schedule.Renews && rules.Schedule.PeriodEndOnOrAfter(exit) is { } periodEnd)
        {
            if (periodEnd != exit)
                reasons.Add($"The agreement renews itself and can only end at the end of a period: the next is {DateText.Long(periodEnd)}.");
            exit = periodEnd;
        }
        else
        {
            var aligned = ExitAlignment.OnOrAfter(rules.TerminationFalls, exit);
            if (aligned != exit)
                reasons.Add($"Termination must fall {Describe(rules.TerminationFalls)}: {DateText.Long(aligned)}.");
            exit = aligned;
        }
        DateOnly? endsFirst = !rules.Schedule.Renews && rules.Schedule.CurrentEnd is { } end && end < exit ? end : null;
        if (endsFirst is { } first)
            reasons.Add($"The current term ends on {DateText.Long(first)} anyway, before this notice would take effect.");
        return new ExitEstimate(servedOn, runsTo, exit, reasons, endsFirst);
    }

    /// <summary>The last day notice can be served for the agreement to end on or before <paramref name="leaveBy"/>.</summary>
    public static NoticeDeadline LatestNoticeDate(ExitRules rules, NoticeLength notice, DateOnly leaveBy)
    {
        DateOnly exit;
        if (rules.Schedule.Renews)
        {
            if (rules.Schedule.PeriodEndOnOrBefore(leaveBy) is not { } periodEnd)
                return new NoticeDeadline(null, null,
                    $"The agreement can first end when its current term ends on {DateText.Long(rules.Schedule.CurrentEnd!.Value)}.");
            exit = periodEnd;
        }
        else
        {
            exit = ExitAlignment.OnOrBefore(rules.TerminationFalls, leaveBy);
        }
        if (rules.MinimumTermEnd is { } minimum && exit < minimum)
            return new NoticeDeadline(null, null, $"The minimum term runs to {DateText.Long(minimum)}; the agreement cannot end before then.");
        var latest = notice.LatestServiceFor(exit);
        return new NoticeDeadline(latest, exit,
            $"Serve {notice} notice by {DateText.Long(latest)} to end the agreement on {DateText.Long(exit)}.");
    }

    /// <summary>
    /// The last day to serve notice so the agreement ends when its current term (or, for a renewing agreement, the
    /// period running on <paramref name="asOf"/>) ends, rather than rolling over.
    /// </summary>
    public static NoticeDeadline LatestNoticeForCurrentTerm(ExitRules rules, NoticeLength notice, DateOnly asOf)
    {
        // A renewing agreement cannot end inside its minimum term: aim for the first period end after it.
        var from = rules.Schedule.Renews && rules.MinimumTermEnd is { } minimum && minimum > asOf ? minimum : asOf;
        if (rules.Schedule.PeriodEndOnOrAfter(from) is not { } end)
            return new NoticeDeadline(null, null, "The current term has no end date, so there is no end of term to give notice for.");
        var deadline = LatestNoticeDate(rules, notice, end);
        if (deadline.LatestServiceDate is { } latest && latest < asOf && rules.Schedule.Renews)
        {
            // Too late for this period: the first later one whose deadline has not passed is the first the party can
            // still leave at. Notice longer than a renewal period can skip several.
            var next = end;
            NoticeDeadline nextDeadline;
            do
            {
                next = rules.Schedule.PeriodEndOnOrAfter(next.AddDays(1))!.Value;
                nextDeadline = LatestNoticeDate(rules, notice, next);
            } while (nextDeadline.LatestServiceDate is { } later && later < asOf);
            return nextDeadline with { Explanation = $"Too late to leave on {DateText.Long(end)} (notice was due by {DateText.Long(latest)}). " + nextDeadline.Explanation };
        }
        return rules.Schedule.Renews || deadline.LatestServiceDate is null
            ? deadline
            : deadline with { Explanation = deadline.Explanation + $" The term does not renew: it ends on {DateText.Long(rules.Schedule.CurrentEnd!.Value)} even without notice." };
    }

    /// <summary>
    /// The last day to serve notice so as to leave as soon as the minimum term allows: on its last day, or the first
    /// day after it on which the agreement can end. Null when there is no minimum term or the current term ends first.
    /// </summary>
    public static NoticeDeadline? LatestNoticeForMinimumTerm(ExitRules rules, NoticeLength notice)
    {
        if (rules.MinimumTermEnd is not { } minimum) return null;
        var schedule = rules.Schedule;
        var exit = schedule.Renews ? schedule.PeriodEndOnOrAfter(minimum)!.Value : ExitAlignment.OnOrAfter(rules.TerminationFalls, minimum);
        if (!schedule.Renews && schedule.CurrentEnd is { } end && end <= exit) return null;
        var latest = notice.LatestServiceFor(exit);
        var when = exit == minimum ? $"when the minimum term ends, on {DateText.Long(exit)}" : $"on {DateText.Long(exit)}, the first day after the minimum term ({DateText.Long(minimum)}) that it can end";
        return new NoticeDeadline(latest, exit, $"Serve {notice} notice by {DateText.Long(latest)} to leave {when}.");
    }

    private static string Describe(TerminationFalls rule) => rule switch
    {
        TerminationFalls.MonthEnd => "at the end of a month",
        TerminationFalls.QuarterEnd => "at the end of a quarter",
        TerminationFalls.FinancialYearEnd => "at the end of a financial year",
        TerminationFalls.AcademicYearEnd => "at the end of an academic year",
        _ => "on any day",
    };
}
