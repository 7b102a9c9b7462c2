using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Partnerships;

/// <summary>Something that happened to an agreement, in the order a board would minute it.</summary>
public enum PartnershipEventKind
{
    /// <summary>The agreement started or was entered into, where the term itself gives no start date.</summary>
    Commenced,
    /// <summary>One of the term's extension options was exercised.</summary>
    ExtensionExercised,
    /// <summary>The terms were varied, possibly moving the end date.</summary>
    Variation,
    /// <summary>A party served notice to leave.</summary>
    NoticeServed,
    /// <summary>The agreement was brought to an end; the date is its last day.</summary>
    Terminated,
}

/// <summary>
/// One entry in a partnership's history, with its date and source. The partnership creates these through its
/// named methods (<see cref="Partnership.ServeNotice"/> and the rest), which check them against the term.
/// </summary>
public sealed class PartnershipEvent
{
    private PartnershipEvent() { }

    internal PartnershipEvent(PartnershipEventKind kind, DateOnly date, int? organisationId, int? extensionMonths,
        DateOnly? newEndDate, DateOnly? exitDate, string? exitOverrideReason, string? description, SourceReference? source)
    {
        if (date.Year is < 1900 or > 2999) throw new DomainException($"{DateText.Long(date)} is not a plausible date for an event.");
        Kind = kind;
        Date = date;
        OrganisationId = organisationId;
        ExtensionMonths = extensionMonths;
        NewEndDate = newEndDate;
        ExitDate = exitDate;
        ExitOverrideReason = string.IsNullOrWhiteSpace(exitOverrideReason) ? null : exitOverrideReason.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Source = source;
    }

    public int Id { get; private set; }
    public PartnershipEventKind Kind { get; private set; }

    /// <summary>When it happened: the day notice was served, the extension exercised, the variation agreed; for a termination, the agreement's last day.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The party who served notice or exercised the extension.</summary>
    public int? OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }

    /// <summary>For an extension, how many months it added.</summary>
    public int? ExtensionMonths { get; private set; }

    /// <summary>For a variation that moved the end of the term, the new last day.</summary>
    public DateOnly? NewEndDate { get; private set; }

    /// <summary>For notice, the agreement's last day: worked out from the notice period unless overridden with a reason.</summary>
    public DateOnly? ExitDate { get; private set; }

    /// <summary>Why the exit date differs from the one the notice period gives (e.g. "exit agreed at 31 March by both councils").</summary>
    public string? ExitOverrideReason { get; private set; }
    public string? Description { get; private set; }
    public SourceReference? Source { get; private set; }

    /// <summary>The entry as a line in the partnership's history.</summary>
    public string Describe(Func<int, string> partyName) => Kind switch
    {
        PartnershipEventKind.Commenced => "Agreement began",
        PartnershipEventKind.ExtensionExercised =>
            $"Extension of {Term.MonthsText(ExtensionMonths ?? 0)} exercised" + (OrganisationId is { } who ? $" by {partyName(who)}" : ""),
        PartnershipEventKind.Variation => NewEndDate is { } end ? $"Terms varied: the term now ends {DateText.Long(end)}" : "Terms varied",
        PartnershipEventKind.NoticeServed =>
            $"Notice served by {partyName(OrganisationId ?? 0)}: the agreement ends {DateText.Long(ExitDate!.Value)}"
            + (ExitOverrideReason is { } why ? $" (exit date set by hand: {why})" : ""),
        PartnershipEventKind.Terminated => "Agreement terminated; its last day",
        _ => Kind.ToString(),
    };
}
