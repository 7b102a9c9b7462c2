using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Components.Features.Partnerships;

/// <summary>
/// What the partnership page shows, worked out once from the partnership when the page loads and kept in its place:
/// plain records holding only what is on screen. .NET carries them from the prerender into the live page, so a page
/// view reads the database once, and a live session holds a few records rather than the whole partnership with its
/// parties, organisations, services, decisions and history. Editing loads the partnership afresh when it starts.
/// </summary>
public sealed record PartnershipView(
    int Id, int Version, string Code, string Name, PartnershipKind Kind, PartnershipStatus Status, DateOnly Today,
    string? Summary, SourceReference? Source, string? LegalBasis, SourceReference? LegalBasisSource, DateOnly? EndsOn,
    IReadOnlyList<PartyView> Parties, TermView Term, TimelinePanel.Drawing? Drawing, IReadOnlyList<HistoryEntryView> History,
    IReadOnlyList<ServiceView> Services, IReadOnlyList<DecisionView> Decisions, IReadOnlyList<GovernanceView> Governance,
    LinkView? Predecessor, LinkView? Successor)
{
    /// <summary>The view of a partnership loaded with everything its page shows, as it stands on <paramref name="today"/>.</summary>
    public static PartnershipView Of(Partnership p, DateOnly today) => new(
        p.Id, p.Version, p.Code, p.Name, p.Kind, p.StatusOn(today), today,
        p.Summary, p.Source, p.LegalBasis, p.LegalBasisSource, p.EndsOn,
        PartiesOf(p), TermView.Of(p), TimelinePanel.DrawingFor(p, today), HistoryEntryView.Of(p),
        p.Services.OrderBy(s => s.Id).Select(s => new ServiceView(s.Id, s.Name, s.Description, s.Provider?.ShortCode, s.Recipient?.ShortCode, s.Source)).ToList(),
        p.Decisions.OrderBy(d => d.DecisionDate).Select(d => new DecisionView(d.Id, d.DecisionDate, d.DecisionMaker, d.Organisation?.ShortCode,
            d.Reference, d.IsKeyDecision, d.SubjectToCallIn, d.PublishedOn, d.Resolved, d.Source)).ToList(),
        p.GovernanceBodies.Select(b => new GovernanceView(b.Name, b.Purpose, b.Source)).ToList(),
        p.Predecessor is { } before ? new LinkView(before.Code, before.Name, before.StartedOn) : null,
        p.Successor is { } after ? new LinkView(after.Code, after.Name, after.StartedOn) : null);

    /// <summary>The parties in the order they were recorded, each saying whether its notice period is known.</summary>
    public static IReadOnlyList<PartyView> PartiesOf(Partnership p) =>
        p.Parties.Select(party => new PartyView(party.OrganisationId, party.Organisation?.Name, party.Organisation?.ShortCode, party.Role,
            p.NoticeFor(party.OrganisationId) is not null)).ToList();
}

public sealed record PartyView(int OrganisationId, string? Name, string? ShortCode, PartyRole Role, bool NoticeKnown);

/// <summary>Another partnership linked from this one (the one it replaced, or that replaced it).</summary>
public sealed record LinkView(string Code, string Name, DateOnly? StartedOn);

/// <summary>The term as the term panel words it.</summary>
/// <param name="CurrentEnd">When the history moved the end of the current term away from the term's own end.</param>
/// <param name="MinimumCountedTo">When the minimum term is counted from the day it began rather than stated as a date.</param>
/// <param name="ExtensionsExercised">How many extensions were exercised, when the term offers any.</param>
public sealed record TermView(string Start, string End, DateOnly? CurrentEnd, string Minimum, DateOnly? MinimumCountedTo,
    string Extensions, int? ExtensionsExercised, string Renewal, string TerminationFalls, IReadOnlyList<NoticeView> Notices,
    string? Notes, SourceReference? Source)
{
    public static TermView Of(Partnership p)
    {
        var term = p.Term;
        return new TermView(
            DateText.Long(term.StartDate, Term.NotStated), term.DescribeEnd(),
            p.CurrentTermEnd is { } current && current != term.LatestEndDate ? current : null,
            term.DescribeMinimumTerm(), term.MinimumTermEndDate is null ? p.MinimumTermEnd : null,
            term.DescribeExtensions(), term.ExtensionOptions is not null ? p.ExtensionsExercised : null,
            term.DescribeRenewal(), term.DescribeTerminationFalls(),
            p.Parties.Select(party => NoticeOf(p, party)).ToList(),
            term.Notes, term.Source);
    }

    private static NoticeView NoticeOf(Partnership p, PartnershipParty party)
    {
        var notice = p.NoticePeriods.FirstOrDefault(n => n.OrganisationId == party.OrganisationId);
        return new NoticeView(party.Organisation?.ShortCode, notice?.Describe(), notice?.IsIllustrative == true, notice?.Source);
    }
}

/// <summary>One party's notice period; <see cref="Text"/> is null when none is recorded for it.</summary>
public sealed record NoticeView(string? PartyShortCode, string? Text, bool IsIllustrative, SourceReference? Source);

/// <summary>
/// One line of the history: a recorded event, a break or review date, or the successor taking over. An event or a
/// date can be removed (<see cref="EventId"/> or <see cref="MilestoneId"/>, asking <see cref="RemoveQuestion"/>).
/// </summary>
public sealed record HistoryEntryView(DateOnly Date, string Text, string? Detail, SourceReference? Source, int? EventId, int? MilestoneId, string? RemoveQuestion)
{
    public bool CanBeRemoved => EventId is not null || MilestoneId is not null;

    // Recorded events, the agreement's break and review dates, and the successor taking over, in date order.
    public static IReadOnlyList<HistoryEntryView> Of(Partnership p)
    {
        string PartyName(int organisationId) =>
            p.Parties.FirstOrDefault(x => x.OrganisationId == organisationId)?.Organisation?.Name ?? "a party";
        return p.Events.Select(e => new HistoryEntryView(e.Date, e.Describe(PartyName), e.Description, e.Source, e.Id, null,
                $"Remove \"{e.Describe(PartyName)}\" ({DateText.Long(e.Date)}) from the history?"))
            .Concat(p.Milestones.Select(m => new HistoryEntryView(m.Date,
                m.Kind == MilestoneKind.Break ? "Break date in the agreement" : "Review date in the agreement", m.Note, m.Source, null, m.Id,
                $"Remove the {Milestone.Describe(m.Kind)} of {DateText.Long(m.Date)}?")))
            .Concat(p.Successor is { } next
                ? [new HistoryEntryView(next.StartedOn ?? p.EndsOn ?? DateOnly.MinValue, $"Succeeded by {next.Name}", null, null, null, null, null)]
                : [])
            .Where(e => e.Date != DateOnly.MinValue)
            .OrderBy(e => e.Date)
            .ToList();
    }
}

public sealed record ServiceView(int Id, string Name, string? Description, string? ProviderShortCode, string? RecipientShortCode, SourceReference? Source);

public sealed record DecisionView(int Id, DateOnly DecisionDate, string DecisionMaker, string? OrganisationShortCode, string? Reference,
    bool? IsKeyDecision, bool? SubjectToCallIn, DateOnly? PublishedOn, string Resolved, SourceReference? Source);

public sealed record GovernanceView(string Name, string? Purpose, SourceReference? Source);
