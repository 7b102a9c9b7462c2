using System.Text.RegularExpressions;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;

namespace SharedServices.Domain.Partnerships;

/// <summary>
/// An agreement between two or more organisations: who is party to it, what kind it is, its term, the services
/// it covers, the decisions that authorised it and the bodies that oversee it. Changes go through the named methods
/// here so that, for instance, a service can only flow between organisations that are parties.
/// </summary>
public sealed partial class Partnership
{
    private readonly List<PartnershipParty> _parties = [];
    private readonly List<NoticePeriod> _noticePeriods = [];
    private readonly List<TradedService> _services = [];
    private readonly List<DecisionRecord> _decisions = [];
    private readonly List<GovernanceBody> _governanceBodies = [];
    // Not readonly: AsOf gives a view with the later entries left out.
    private List<PartnershipEvent> _events = [];
    private readonly List<Milestone> _milestones = [];

    private Partnership() { Code = Name = ""; Term = Term.Unknown; }

    public Partnership(string code, string name, PartnershipKind kind, IEnumerable<PartnershipParty> parties)
    {
        if (string.IsNullOrWhiteSpace(code) || !CodePattern().IsMatch(code))
            throw new DomainException("A partnership code is lower-case words joined by hyphens, such as hcc-iwc-childrens-services.");
        Code = code;
        Name = "";
        Term = Term.Unknown;
        UpdateDetails(name, kind, null, null, null);
        SetParties(parties);
    }

    public int Id { get; private set; }

    /// <summary>
    /// How many times the partnership, or anything in it, has been saved. A form remembers the version it loaded so
    /// that a save can tell when someone else saved in between, instead of quietly overwriting their change.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>A stable, readable key used in addresses and seed files.</summary>
    public string Code { get; private set; }
    public string Name { get; private set; }
    public PartnershipKind Kind { get; private set; }
    /// <summary>The power relied on, e.g. "Government Direction; Children Act 2004". Null when not stated.</summary>
    public string? LegalBasis { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>Where the partnership as a whole is described: its name, kind, parties and summary.</summary>
    public SourceReference? Source { get; private set; }

    /// <summary>Where the legal basis is stated, when a different paper or paragraph from <see cref="Source"/>.</summary>
    public SourceReference? LegalBasisSource { get; private set; }

    public Term Term { get; private set; }

    public int? PredecessorId { get; private set; }
    public Partnership? Predecessor { get; private set; }
    public Partnership? Successor { get; private set; }

    public IReadOnlyList<PartnershipParty> Parties => _parties;
    public IReadOnlyList<NoticePeriod> NoticePeriods => _noticePeriods;
    public IReadOnlyList<TradedService> Services => _services;
    public IReadOnlyList<DecisionRecord> Decisions => _decisions;
    public IReadOnlyList<GovernanceBody> GovernanceBodies => _governanceBodies;

    /// <summary>What has happened to the agreement: extensions, variations, notice, termination.</summary>
    public IReadOnlyList<PartnershipEvent> Events => _events;

    /// <summary>Break and review dates written into the agreement.</summary>
    public IReadOnlyList<Milestone> Milestones => _milestones;

    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    public void UpdateDetails(string name, PartnershipKind kind, string? legalBasis, string? summary, SourceReference? source)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A partnership needs a name.");
        Name = name.Trim();
        Kind = kind;
        LegalBasis = Clean(legalBasis);
        Summary = Clean(summary);
        Source = source;
    }

    /// <summary>Records where the legal basis was found.</summary>
    public void SetLegalBasisSource(SourceReference? legalBasis) => LegalBasisSource = legalBasis;

    /// <summary>Replaces the parties. Every service and notice period must still name a party.</summary>
    public void SetParties(IEnumerable<PartnershipParty> parties)
    {
        var list = parties.ToList();
        if (list.Select(p => p.OrganisationId).Distinct().Count() < 2)
            throw new DomainException("A partnership needs at least two different organisations.");
        if (list.GroupBy(p => p.OrganisationId).Any(g => g.Count() > 1))
            throw new DomainException("Each organisation can be a party only once.");
        var ids = list.Select(p => p.OrganisationId).ToHashSet();
        var orphan = _services.FirstOrDefault(s => !ids.Contains(s.ProviderId) || !ids.Contains(s.RecipientId));
        if (orphan is not null)
            throw new DomainException($"The service \"{orphan.Name}\" involves an organisation you are removing; change the service first.");
        if (_noticePeriods.Any(n => !ids.Contains(n.OrganisationId)))
            throw new DomainException("A notice period belongs to an organisation you are removing; change the term first.");
        _parties.Clear();
        _parties.AddRange(list);
    }

    public void SetTerm(Term term, IEnumerable<NoticePeriod> noticePeriods)
    {
        var notices = noticePeriods.ToList();
        if (notices.Any(n => !IsParty(n.OrganisationId)))
            throw new DomainException("A notice period can only be set for a party to the partnership.");
        if (notices.GroupBy(n => n.OrganisationId).Any(g => g.Count() > 1))
            throw new DomainException("Give each party one notice period.");
        if (TerminatedOn is { } ended && term.StartDate is { } start && ended < start)
            throw new DomainException($"The term cannot start ({DateText.Long(start)}) after the partnership ended ({DateText.Long(ended)}).");
        if (term.StartDate is not null && _events.Any(e => e.Kind == PartnershipEventKind.Commenced))
            throw new DomainException("The history records when the agreement began; remove that entry before giving the term a start date.");
        if (term.ExtensionOptions is not { } options ? ExtensionsExercised > 0 : ExtensionsExercised > options)
            throw new DomainException($"{ExtensionsExercised} extensions have been exercised; the term must allow at least that many.");
        Term = term;
        _noticePeriods.Clear();
        _noticePeriods.AddRange(notices);
        RefreshDates();
    }

    public TradedService AddService(TradedService service)
    {
        RequireParties(service.ProviderId, service.RecipientId);
        _services.Add(service);
        return service;
    }

    public void UpdateService(int serviceId, string name, int providerId, int recipientId, string? description,
        DateOnly? startDate, DateOnly? endDate, SourceReference? source)
    {
        RequireParties(providerId, recipientId);
        Find(_services, s => s.Id == serviceId, "service")
            .Update(name, providerId, recipientId, description, startDate, endDate, source);
    }

    public void RemoveService(int serviceId) => _services.Remove(Find(_services, s => s.Id == serviceId, "service"));

    public DecisionRecord AddDecision(DecisionRecord decision)
    {
        _decisions.Add(decision);
        return decision;
    }

    public DecisionRecord FindDecision(int decisionId) => Find(_decisions, d => d.Id == decisionId, "decision");

    public void RemoveDecision(int decisionId) => _decisions.Remove(FindDecision(decisionId));

    public void SetGovernanceBodies(IEnumerable<GovernanceBody> bodies)
    {
        _governanceBodies.Clear();
        _governanceBodies.AddRange(bodies);
    }

    /// <summary>Records the partnership this one replaced (a buy-back contract following a strategic partnership).</summary>
    public void SetPredecessor(Partnership? predecessor)
    {
        if (predecessor is not null && (ReferenceEquals(predecessor, this) || (predecessor.Id != 0 && predecessor.Id == Id)))
            throw new DomainException("A partnership cannot succeed itself.");
        // Walk back through what is loaded: a chain that leads back here would make each the other's ancestor.
        for (var earlier = predecessor?.Predecessor; earlier is not null; earlier = earlier.Predecessor)
            if (ReferenceEquals(earlier, this) || (Id != 0 && earlier.Id == Id))
                throw new DomainException("That would make the partnerships each other's predecessor.");
        if (predecessor is not null && Id != 0 && predecessor.PredecessorId == Id)
            throw new DomainException("That would make the partnerships each other's predecessor.");
        Predecessor = predecessor;
        PredecessorId = predecessor?.Id;
    }

    public bool IsParty(int organisationId) => _parties.Any(p => p.OrganisationId == organisationId);


    private void RequireParties(int providerId, int recipientId)
    {
        if (!IsParty(providerId) || !IsParty(recipientId))
            throw new DomainException("A service's provider and recipient must both be parties to the partnership.");
    }

    private static T Find<T>(List<T> items, Func<T, bool> match, string what) =>
        items.FirstOrDefault(match) ?? throw new DomainException($"That {what} is not part of this partnership.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex CodePattern();
}
