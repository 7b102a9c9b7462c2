using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Charging;

/// <summary>
/// A traded service's schedule of charges: effective-dated <see cref="RateVersion"/>s. Each version applies from
/// its start until the day before the next one starts; the latest applies from its start onwards. Versions are
/// changed only through <see cref="AddVersion"/>, <see cref="ReplaceVersion"/> and <see cref="RemoveVersion"/>,
/// which keep them within the service's dates and never two on the same day.
/// </summary>
public sealed class ChargeSchedule
{
    private readonly List<RateVersion> _versions = [];

    private ChargeSchedule() { }

    public ChargeSchedule(int tradedServiceId, DateOnly? serviceStart, DateOnly? serviceEnd = null, bool isIllustrative = false)
    {
        if (serviceStart is { } s && serviceEnd is { } e && e < s)
            throw new DomainException($"The service ends ({DateText.Long(e)}) before it starts ({DateText.Long(s)}).");
        TradedServiceId = tradedServiceId;
        ServiceStart = serviceStart;
        ServiceEnd = serviceEnd;
        IsIllustrative = isIllustrative;
    }

    public int Id { get; private set; }
    public int TradedServiceId { get; private set; }

    /// <summary>The service's first day, if known: no version may start before it.</summary>
    public DateOnly? ServiceStart { get; private set; }

    /// <summary>The service's last day, if known: no version may start after it.</summary>
    public DateOnly? ServiceEnd { get; private set; }

    /// <summary>
    /// Made up for a seed partnership to show the product working: the council papers say a schedule of charges
    /// exists but not what it is. Shown as "illustrative" wherever the schedule appears.
    /// </summary>
    public bool IsIllustrative { get; private set; }

    /// <summary>The ledger codes or cost centres on each side, and the recipient's purchase order.</summary>
    public PostingDetails Posting { get; private set; } = PostingDetails.None;

    public void SetPosting(PostingDetails posting) => Posting = posting ?? throw new ArgumentNullException(nameof(posting));

    /// <summary>The versions, earliest start first.</summary>
    public IReadOnlyList<RateVersion> Versions => _versions.OrderBy(v => v.EffectiveFrom).ToList();

    /// <summary>The version in force on <paramref name="date"/>, or null before the first version starts or after the service ends.</summary>
    public RateVersion? VersionOn(DateOnly date)
    {
        if (ServiceEnd is { } end && date > end) return null;
        return _versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);
    }

    /// <summary>The version in force on <paramref name="date"/>; a readable refusal when there is none.</summary>
    public RateVersion RequireVersionOn(DateOnly date)
    {
        if (VersionOn(date) is { } version) return version;
        if (ServiceEnd is { } end && date > end)
            throw new DomainException($"No rate applies on {DateText.Long(date)}: the service ended on {DateText.Long(end)}.");
        return _versions.Count == 0
            ? throw new DomainException($"No rate applies on {DateText.Long(date)}: the schedule of charges has no versions yet.")
            : throw new DomainException($"No rate applies on {DateText.Long(date)}: the schedule of charges starts on {DateText.Long(Versions[0].EffectiveFrom)}.");
    }

    /// <summary>The versions entered after <paramref name="invoicedOn"/> that take effect on or before it: backdated changes that may call for an adjustment of periods already billed.</summary>
    public IReadOnlyList<RateVersion> BackdatedSince(DateOnly invoicedOn) =>
        Versions.Where(v => v.EnteredOn > invoicedOn && v.EffectiveFrom <= invoicedOn).ToList();

    /// <summary>
    /// The schedule as it was known on <paramref name="date"/>: only the versions entered by then. What an invoice
    /// issued that day was worked out from, so a version entered later shows up as a change to it.
    /// </summary>
    public ChargeSchedule AsKnownOn(DateOnly date)
    {
        var known = new ChargeSchedule(TradedServiceId, ServiceStart, ServiceEnd, IsIllustrative);
        known._versions.AddRange(_versions.Where(v => v.EnteredOn <= date));
        return known;
    }

    /// <summary>Splits <paramref name="range"/> at each version starting inside it, so each part has one version in force.</summary>
    public IEnumerable<DateRange> SplitAtVersions(DateRange range)
    {
        var start = range.Start;
        foreach (var change in Versions.Select(v => v.EffectiveFrom).Where(d => d > range.Start && d <= range.End))
        {
            yield return new DateRange(start, change.AddDays(-1));
            start = change;
        }
        yield return new DateRange(start, range.End);
    }

    public void AddVersion(RateVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        CheckFits(version, replacing: null);
        _versions.Add(version);
    }

    /// <summary>Corrects the version starting on <paramref name="effectiveFrom"/>, for example to fix a mistyped rate.</summary>
    public void ReplaceVersion(DateOnly effectiveFrom, RateVersion replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var existing = Existing(effectiveFrom);
        CheckFits(replacement, replacing: existing);
        _versions[_versions.IndexOf(existing)] = replacement;
    }

    public void RemoveVersion(DateOnly effectiveFrom) => _versions.Remove(Existing(effectiveFrom));

    private RateVersion Existing(DateOnly effectiveFrom) =>
        _versions.FirstOrDefault(v => v.EffectiveFrom == effectiveFrom)
        ?? throw new DomainException($"The schedule of charges has no version starting on {DateText.Long(effectiveFrom)}.");

    private void CheckFits(RateVersion version, RateVersion? replacing)
    {
        var from = version.EffectiveFrom;
        if (ServiceStart is { } start && from < start)
            throw new DomainException($"A rate version cannot start on {DateText.Long(from)}, before the service starts on {DateText.Long(start)}.");
        if (ServiceEnd is { } end && from > end)
            throw new DomainException($"A rate version cannot start on {DateText.Long(from)}, after the service ends on {DateText.Long(end)}.");
        if (_versions.Any(v => v != replacing && v.EffectiveFrom == from))
            throw new DomainException($"There is already a rate version starting on {DateText.Long(from)}: change that version instead of adding another.");
    }
}
