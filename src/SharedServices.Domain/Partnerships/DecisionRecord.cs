using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Partnerships;

/// <summary>
/// A formal decision about the partnership: who decided (Cabinet, an Executive Lead Member, an officer under
/// delegation), its reference (CAB 12/13 9254, EXB77, report 4876), its date, whether it was a key decision,
/// and what it resolved. Unknowns (key decision, call-in) stay null and read "not stated in source".
/// </summary>
public sealed class DecisionRecord
{
    private DecisionRecord() { DecisionMaker = Resolved = ""; }

    public DecisionRecord(int organisationId, string decisionMaker, string? reference, DateOnly decisionDate,
        bool? isKeyDecision, bool? subjectToCallIn, string resolved, DateOnly? publishedOn = null, SourceReference? source = null)
    {
        DecisionMaker = Resolved = "";
        Update(organisationId, decisionMaker, reference, decisionDate, isKeyDecision, subjectToCallIn, resolved, publishedOn, source);
    }

    public int Id { get; private set; }

    /// <summary>The council (or other body) whose decision this is.</summary>
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }

    /// <summary>The role or body that decided, never a person's name: "Cabinet", "Director of Corporate Services".</summary>
    public string DecisionMaker { get; private set; }
    public string? Reference { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public bool? IsKeyDecision { get; private set; }
    public bool? SubjectToCallIn { get; private set; }
    public string Resolved { get; private set; }
    public SourceReference? Source { get; private set; }

    /// <summary>
    /// The last day of the call-in period: the decision takes effect at the end of this many working days after
    /// publication unless called in. Null when it is not subject to call-in, when that is not stated, or when the
    /// publication date is not known.
    /// </summary>
    public DateOnly? CallInEndsOn(WorkingDayCalendar calendar, int workingDays) =>
        SubjectToCallIn == true && PublishedOn is { } published ? calendar.AddWorkingDays(published, workingDays) : null;

    public void Update(int organisationId, string decisionMaker, string? reference, DateOnly decisionDate,
        bool? isKeyDecision, bool? subjectToCallIn, string resolved, DateOnly? publishedOn, SourceReference? source)
    {
        if (organisationId <= 0) throw new DomainException("Choose the organisation that made the decision.");
        if (string.IsNullOrWhiteSpace(decisionMaker)) throw new DomainException("A decision needs its decision maker.");
        if (string.IsNullOrWhiteSpace(resolved)) throw new DomainException("Say what the decision resolved.");
        if (publishedOn is { } p && p < decisionDate) throw new DomainException("A decision cannot be published before it is made.");
        OrganisationId = organisationId;
        DecisionMaker = decisionMaker.Trim();
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        DecisionDate = decisionDate;
        PublishedOn = publishedOn;
        IsKeyDecision = isKeyDecision;
        SubjectToCallIn = subjectToCallIn;
        Resolved = resolved.Trim();
        Source = source;
    }
}
