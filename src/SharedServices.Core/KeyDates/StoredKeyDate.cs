using SharedServices.Domain.KeyDates;

namespace SharedServices.Core.KeyDates;

/// <summary>
/// One key date of one partnership, exactly as <see cref="KeyDateFinder"/> worked it out for the day recorded in the
/// partnership's <see cref="KeyDateDerivation"/>. Stored so that "what is coming up?" reads a date range by index
/// instead of running the rules over the whole register on every request.
/// </summary>
public sealed class StoredKeyDate
{
    private StoredKeyDate() { PartnershipCode = PartnershipName = What = IfNothingIsDone = ""; }

    public StoredKeyDate(int partnershipId, int sequence, KeyDate date)
    {
        PartnershipId = partnershipId;
        Sequence = sequence;
        Date = date.Date;
        Kind = date.Kind;
        PartnershipCode = date.PartnershipCode;
        PartnershipName = date.PartnershipName;
        What = date.What;
        IfNothingIsDone = date.IfNothingIsDone;
    }

    public int PartnershipId { get; private set; }

    /// <summary>The order the rules gave the partnership's dates in, which breaks ties the way the rules do.</summary>
    public int Sequence { get; private set; }

    public DateOnly Date { get; private set; }
    public KeyDateKind Kind { get; private set; }
    public string PartnershipCode { get; private set; }
    public string PartnershipName { get; private set; }
    public string What { get; private set; }
    public string IfNothingIsDone { get; private set; }

    public KeyDate ToKeyDate() => new(Date, Kind, PartnershipCode, PartnershipName, What, IfNothingIsDone);
}

/// <summary>
/// For one partnership: which day its stored key dates were worked out for, how far ahead they reach, and a
/// generation that every change to the partnership (and every re-derivation) moves on. Stored dates count only
/// while <see cref="DerivedFor"/> is today; a change sets it to null in the change's own transaction, and a
/// re-derivation only lands where the generation is still the one it read before loading the partnership, so a
/// set worked out from data that changed meanwhile is never stored as fresh.
/// </summary>
public sealed class KeyDateDerivation
{
    private KeyDateDerivation() { }

    public int PartnershipId { get; private set; }

    public int Generation { get; private set; }

    /// <summary>The as-of day the stored set was worked out for; null when a change made it stale.</summary>
    public DateOnly? DerivedFor { get; private set; }

    /// <summary>The last day the stored set covers (the set holds every key date from <see cref="DerivedFor"/> to here).</summary>
    public DateOnly? CoversUntil { get; private set; }
}
