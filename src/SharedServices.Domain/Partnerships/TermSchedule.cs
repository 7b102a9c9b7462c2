using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Partnerships;

public enum TermPeriodKind
{
    Initial,
    Extension,
    /// <summary>The term as a variation re-set it.</summary>
    Varied,
}

/// <summary>One stretch of the term: the initial term, an extension, or the term as varied.</summary>
public sealed record TermPeriod(TermPeriodKind Kind, DateRange Dates);

/// <summary>
/// The term as it stands after what has happened to it: the initial term, then each extension exercised and each
/// variation that moved the end, in date order. Directors ask about the current term, not the original one: the
/// cancel-by date of an agreement extended to 2027 follows 2027, not the 2025 it first said.
/// </summary>
public sealed class TermSchedule
{
    private TermSchedule(DateOnly? start, IReadOnlyList<TermPeriod> periods, DateOnly? currentEnd, int? renewalMonths)
    {
        Start = start;
        Periods = periods;
        CurrentEnd = currentEnd;
        RenewalMonths = renewalMonths;
    }

    /// <summary>The first day: the term's start, or the day the agreement was recorded as beginning.</summary>
    public DateOnly? Start { get; }
    public IReadOnlyList<TermPeriod> Periods { get; }

    /// <summary>The last day of the current term, before any automatic renewal. Null when open-ended or not stated.</summary>
    public DateOnly? CurrentEnd { get; }

    /// <summary>The length of each automatic renewal after <see cref="CurrentEnd"/>; null when it does not renew.</summary>
    public int? RenewalMonths { get; }

    public bool Renews => RenewalMonths is not null;

    public static TermSchedule For(Term term, IEnumerable<PartnershipEvent> events)
    {
        var ordered = events.OrderBy(e => e.Date).ThenBy(e => e.Id).ToList();
        var start = term.StartDate ?? ordered.FirstOrDefault(e => e.Kind == PartnershipEventKind.Commenced)?.Date;
        var periods = new List<TermPeriod>();
        // "Up to N years" with no start in the term runs from the recorded commencement.
        var end = term.LatestEndDate
            ?? (term.EndKind == TermEndKind.UpToYears && start is { } began ? DateRange.ForMonths(began, term.UpToYears!.Value * 12).End : null);
        if (start is { } s && end is { } e && s <= e) periods.Add(new TermPeriod(TermPeriodKind.Initial, new DateRange(s, e)));

        foreach (var change in ordered)
        {
            if (change.Kind == PartnershipEventKind.ExtensionExercised && end is { } before && change.ExtensionMonths is { } months)
            {
                var extension = DateRange.ForMonths(before.AddDays(1), months);
                periods.Add(new TermPeriod(TermPeriodKind.Extension, extension));
                end = extension.End;
            }
            else if (change.Kind == PartnershipEventKind.Variation && change.NewEndDate is { } varied)
            {
                var from = start ?? change.Date;
                if (varied >= from) periods.Add(new TermPeriod(TermPeriodKind.Varied, new DateRange(from, varied)));
                end = varied;
            }
        }
        return new TermSchedule(start, periods, end, end is null ? null : term.RenewalMonths);
    }

    /// <summary>
    /// The end of the term or renewal period running on <paramref name="date"/>, or the next one to end after it:
    /// the only days a renewing agreement can end. For a term that does not renew this is simply its end.
    /// </summary>
    public DateOnly? PeriodEndOnOrAfter(DateOnly date)
    {
        if (CurrentEnd is not { } end) return null;
        if (RenewalMonths is not { } months || date <= end) return end;
        // Count whole renewals from the day after the current end, so month-end clamping never drifts:
        // each renewal ends the day before an anniversary of the first renewal's start.
        var renewalsStart = end.AddDays(1);
        var count = Math.Max(1, ((date.Year - renewalsStart.Year) * 12 + date.Month - renewalsStart.Month) / months);
        var periodEnd = DateRange.EndOfMonths(renewalsStart, count * months);
        while (periodEnd < date) periodEnd = DateRange.EndOfMonths(renewalsStart, ++count * months);
        while (count > 1 && DateRange.EndOfMonths(renewalsStart, (count - 1) * months) >= date)
            periodEnd = DateRange.EndOfMonths(renewalsStart, --count * months);
        return periodEnd;
    }

    /// <summary>
    /// The last day on or before <paramref name="date"/> on which a renewing agreement can end (the end of the
    /// current term or of a renewal), or null when the current term itself ends after it.
    /// </summary>
    public DateOnly? PeriodEndOnOrBefore(DateOnly date)
    {
        if (CurrentEnd is not { } end || date < end) return null;
        if (RenewalMonths is not { } months) return end;
        var next = PeriodEndOnOrAfter(date)!.Value;
        if (next == date) return date;
        var renewalsStart = end.AddDays(1);
        var count = 0;
        var previous = end;
        while (DateRange.EndOfMonths(renewalsStart, (count + 1) * months) is var candidate && candidate <= date)
        {
            previous = candidate;
            count++;
        }
        return previous;
    }
}
