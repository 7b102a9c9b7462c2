using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;

namespace SharedServices.Domain.Partnerships;

// The agreement's history (extensions, variations, notice, termination) and the dates and status that follow from it.
public sealed partial class Partnership
{
    // The dates below are worked out from the term and the history whenever either changes, and stored so that
    // the register can filter and sort by status and end date inside the database.

    /// <summary>The first day: the term's start, or the recorded day the agreement began.</summary>
    public DateOnly? StartedOn { get; private set; }

    /// <summary>The last day of the current term after extensions and variations, before any automatic renewal.</summary>
    public DateOnly? CurrentTermEnd { get; private set; }

    /// <summary>Whether the agreement renews itself at the end of each term (so never simply runs out).</summary>
    public bool Renews { get; private set; }

    public DateOnly? NoticeServedOn { get; private set; }
    public DateOnly? NoticeExitOn { get; private set; }

    /// <summary>The last day of an agreement recorded as terminated.</summary>
    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>The day the partnership ends or is due to end: terminated, notice exit, or the end of a term that does not renew.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>
    /// The days <paramref name="service"/> can be billed for: its own dates within the partnership's, so nothing is
    /// billed before the partnership started or after it ended (terminated, left by notice, or a term that ran out
    /// without renewing), whatever the service's own dates say. Null where neither says.
    /// </summary>
    public (DateOnly? Start, DateOnly? End) BillableDatesOf(TradedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return (Later(service.StartDate, StartedOn), Earlier(service.EndDate, EndsOn));

        static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
        static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
    }

    public TermSchedule Schedule => TermSchedule.For(Term, _events);

    /// <summary>The minimum term counted from the first day, when both are known.</summary>
    public DateOnly? MinimumTermEnd =>
        StartedOn is { } start && Term.MinimumTermMonths is { } months ? DateRange.ForMonths(start, months).End : null;

    public ExitRules ExitRules => new(Schedule, MinimumTermEnd, Term.TerminationFalls);

    public int ExtensionsExercised => _events.Count(e => e.Kind == PartnershipEventKind.ExtensionExercised);

    /// <summary>
    /// Where the agreement stands on <paramref name="date"/>, from its dates, decisions and the history recorded by
    /// then (see <see cref="AsOf"/>): a termination dated 2024 does not end the term that was running in 2018.
    /// </summary>
    public PartnershipStatus StatusOn(DateOnly date)
    {
        var then = AsOf(date);
        return PartnershipStatusRule.On(date, then.StartedOn, _decisions.Any(d => d.DecisionDate <= date),
            then.NoticeServedOn, then.NoticeExitOn, then.TerminatedOn, then.Renews, then.CurrentTermEnd);
    }

    /// <summary>
    /// The partnership as its history stood on <paramref name="date"/>: entries dated after it are left out and the
    /// dates worked out again, so that "as of" means as of. The day the agreement began is always kept, because it
    /// stands in for a start date the term does not give, and a term's own start counts even before it comes.
    /// A read-only view that shares everything else with this partnership: never change or save it.
    /// </summary>
    public Partnership AsOf(DateOnly date)
    {
        bool Known(PartnershipEvent e) => e.Date <= date || e.Kind == PartnershipEventKind.Commenced;
        if (_events.All(Known)) return this;
        var view = (Partnership)MemberwiseClone();
        view._events = _events.Where(Known).ToList();
        view.RefreshDates();
        return view;
    }

    /// <summary>The notice recorded as served, if any.</summary>
    public PartnershipEvent? RecordedNotice => _events.FirstOrDefault(e => e.Kind == PartnershipEventKind.NoticeServed);

    /// <summary>The notice period a party must give, or null when none is recorded or it is not stated.</summary>
    public NoticeLength? NoticeFor(int organisationId) =>
        _noticePeriods.FirstOrDefault(n => n.OrganisationId == organisationId)?.Length;

    /// <summary>Records the day an agreement began when its term gives no start date (a contract entered by officer decision).</summary>
    public PartnershipEvent RecordCommencement(DateOnly date, string? description, SourceReference? source)
    {
        if (Term.StartDate is { } start)
            throw new DomainException($"The term already starts on {DateText.Long(start)}; change the term instead.");
        if (_events.Any(e => e.Kind == PartnershipEventKind.Commenced))
            throw new DomainException("The history already records when the agreement began.");
        return Add(new PartnershipEvent(PartnershipEventKind.Commenced, date, null, null, null, null, null, description, source));
    }

    /// <summary>Exercises the next of the term's extension options, adding its length to the current term.</summary>
    public PartnershipEvent ExerciseExtension(DateOnly date, int? organisationId, string? description, SourceReference? source)
    {
        if (Term.ExtensionOptions is not { } options || Term.ExtensionMonths is not { } months)
            throw new DomainException("The term has no extension options; record a variation instead.");
        if (ExtensionsExercised >= options)
            throw new DomainException($"All {options} extension options have been exercised.");
        if (CurrentTermEnd is not { } end)
            throw new DomainException("The current term's end is not known, so an extension cannot be added to it.");
        if (date > end)
            throw new DomainException($"An extension must be exercised by the end of the current term, {DateText.Long(end)}.");
        if (_events.FirstOrDefault(e => e.Kind == PartnershipEventKind.Variation && e.NewEndDate is not null && e.Date > date) is { } later)
            throw new DomainException($"A variation of {DateText.Long(later.Date)} already moved the end of the term; an extension must be dated after it.");
        RequirePartyOrNone(organisationId);
        RequireNotEnded(date);
        return Add(new PartnershipEvent(PartnershipEventKind.ExtensionExercised, date, organisationId, months, null, null, null, description, source));
    }

    /// <summary>Records a variation to the terms; when it moves the end of the term, the new last day.</summary>
    public PartnershipEvent Vary(DateOnly date, DateOnly? newEndDate, string description, SourceReference? source)
    {
        if (string.IsNullOrWhiteSpace(description)) throw new DomainException("Say what the variation changed.");
        if (newEndDate is { } end && StartedOn is { } start && end < start)
            throw new DomainException($"The new end ({DateText.Long(end)}) is before the agreement began ({DateText.Long(start)}).");
        RequireNotEnded(date);
        return Add(new PartnershipEvent(PartnershipEventKind.Variation, date, null, null, newEndDate, null, null, description, source));
    }

    /// <summary>
    /// Records notice served by a party. The exit date is worked out from that party's notice period and the term;
    /// a different exit date (agreed between the councils, say) needs a reason.
    /// </summary>
    public PartnershipEvent ServeNotice(int organisationId, DateOnly servedOn, DateOnly? exitOverride, string? overrideReason,
        string? description, SourceReference? source)
    {
        if (!IsParty(organisationId)) throw new DomainException("Only a party to the partnership can serve notice.");
        if (_events.Any(e => e.Kind == PartnershipEventKind.NoticeServed))
            throw new DomainException("Notice has already been served; remove that entry first if it was recorded in error.");
        RequireNotEnded(servedOn);
        if (StatusOn(servedOn) == PartnershipStatus.Ended)
            throw new DomainException($"The agreement had already ended by {DateText.Long(servedOn)}, so notice cannot be served then.");
        var computed = NoticeFor(organisationId) is { } notice ? NoticeCalculator.EarliestExit(ExitRules, notice, servedOn).AgreementEnds : (DateOnly?)null;
        if (exitOverride is { } chosen && chosen != computed)
        {
            if (string.IsNullOrWhiteSpace(overrideReason))
                throw new DomainException(computed is { } c
                    ? $"The notice period gives an exit of {DateText.Long(c)}; say why the exit date is different."
                    : "This party's notice period is not stated, so give the reason for the exit date you enter.");
            if (chosen < servedOn) throw new DomainException("The exit date cannot be before notice is served.");
        }
        else
        {
            overrideReason = null;
        }
        var exit = exitOverride ?? computed ?? throw new DomainException(
            "This party's notice period is not stated, so enter the exit date and the reason for it.");
        if (exit < servedOn) throw new DomainException("The exit date cannot be before notice is served.");
        return Add(new PartnershipEvent(PartnershipEventKind.NoticeServed, servedOn, organisationId, null, null, exit, overrideReason, description, source));
    }

    /// <summary>Records that the agreement was terminated, with its last day.</summary>
    public PartnershipEvent Terminate(DateOnly lastDay, string? description, SourceReference? source)
    {
        if (_events.Any(e => e.Kind == PartnershipEventKind.Terminated))
            throw new DomainException("The agreement is already recorded as terminated.");
        if (StartedOn is { } start && lastDay < start)
            throw new DomainException($"The agreement cannot end ({DateText.Long(lastDay)}) before it began ({DateText.Long(start)}).");
        return Add(new PartnershipEvent(PartnershipEventKind.Terminated, lastDay, null, null, null, null, null, description, source));
    }

    /// <summary>Removes an entry recorded in error.</summary>
    public void RemoveEvent(int eventId)
    {
        var entry = Find(_events, e => e.Id == eventId, "history entry");
        if (entry.Kind == PartnershipEventKind.ExtensionExercised && _events.Any(e => e.Kind == entry.Kind && (e.Date > entry.Date || (e.Date == entry.Date && e.Id > entry.Id))))
            throw new DomainException("Remove the later extension first.");
        _events.Remove(entry);
        RefreshDates();
    }

    public Milestone AddMilestone(Milestone milestone)
    {
        if (StartedOn is { } start && milestone.Date < start)
            throw new DomainException($"A {Milestone.Describe(milestone.Kind)} cannot fall before the agreement began ({DateText.Long(start)}).");
        _milestones.Add(milestone);
        return milestone;
    }

    public void RemoveMilestone(int milestoneId) => _milestones.Remove(Find(_milestones, m => m.Id == milestoneId, "break or review date"));

    private PartnershipEvent Add(PartnershipEvent entry)
    {
        _events.Add(entry);
        RefreshDates();
        return entry;
    }

    private void RequirePartyOrNone(int? organisationId)
    {
        if (organisationId is { } id && !IsParty(id)) throw new DomainException("Choose a party to the partnership.");
    }

    private void RequireNotEnded(DateOnly date)
    {
        if (TerminatedOn is { } last && date > last)
            throw new DomainException($"The agreement was terminated on {DateText.Long(last)}; nothing can happen to it after that.");
    }

    private void RefreshDates()
    {
        var schedule = Schedule;
        StartedOn = schedule.Start;
        CurrentTermEnd = schedule.CurrentEnd;
        Renews = schedule.Renews;
        var notice = _events.FirstOrDefault(e => e.Kind == PartnershipEventKind.NoticeServed);
        NoticeServedOn = notice?.Date;
        NoticeExitOn = notice?.ExitDate;
        TerminatedOn = _events.FirstOrDefault(e => e.Kind == PartnershipEventKind.Terminated)?.Date;
        EndsOn = TerminatedOn ?? NoticeExitOn ?? (Renews ? null : CurrentTermEnd);
    }
}
