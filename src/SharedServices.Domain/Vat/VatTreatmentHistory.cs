using System.Globalization;

namespace SharedServices.Domain.Vat;

/// <summary>A service's VAT treatment from a date; it applies until the next change starts.</summary>
public sealed record VatTreatmentChange(DateOnly From, VatTreatment Treatment);

/// <summary>
/// The effective-dated VAT treatment of one traded service. A change applies from its date (inclusive) until the
/// day before the next change; dates before the first change have no recorded treatment, and asking for one is an
/// error rather than a guess.
/// </summary>
public sealed class VatTreatmentHistory
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private readonly List<VatTreatmentChange> changes;

    public VatTreatmentHistory(IEnumerable<VatTreatmentChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        this.changes = changes.OrderBy(c => c.From).ToList();
        if (this.changes.Count == 0)
            throw new DomainException("VAT treatment: record at least one treatment with the date it applies from.");
        foreach (var change in this.changes)
        {
            if (!Enum.IsDefined(change.Treatment))
                throw new DomainException($"VAT treatment: {(int)change.Treatment} is not a treatment this product knows.");
        }
        for (var i = 1; i < this.changes.Count; i++)
        {
            if (this.changes[i].From == this.changes[i - 1].From)
                throw new DomainException(
                    $"VAT treatment: two treatments start on {Show(this.changes[i].From)}; keep one.");
        }
    }

    /// <summary>The changes, earliest first.</summary>
    public IReadOnlyList<VatTreatmentChange> Changes => changes;

    /// <summary>The treatment in force on <paramref name="date"/>.</summary>
    public VatTreatment TreatmentOn(DateOnly date)
    {
        var found = changes.LastOrDefault(c => c.From <= date)
            ?? throw new DomainException(
                $"VAT treatment: none is recorded for {Show(date)}; the first starts on {Show(changes[0].From)}.");
        return found.Treatment;
    }

    internal static string Show(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);
}
