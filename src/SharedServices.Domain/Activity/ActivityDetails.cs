using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Activity;

/// <summary>
/// What was delivered: a day or a period (<see cref="From"/> to <see cref="To"/>, both inclusive), and either a
/// quantity in a named unit (days, hours, pupils…) or, for cost-share and full-cost services, the actual cost.
/// </summary>
public sealed record ActivityDetails
{
    public const int MaxUnitLength = 100;
    public const int MaxDescriptionLength = 500;
    public const int MaxReferenceLength = 100;

    public ActivityDetails(DateOnly from, DateOnly to, decimal? quantity, string? unit, Money.Money? actualCost,
        string? description = null, string? reference = null)
    {
        if (to < from)
            throw new DomainException($"The period ends ({DateText.Long(to)}) before it starts ({DateText.Long(from)}).");
        if (quantity is null == actualCost is null)
            throw new DomainException("Give a quantity and unit, or an actual cost, not both.");
        if (quantity < 0)
            throw new DomainException($"The quantity must be zero or more (it was {quantity}).");
        if (quantity is not null && string.IsNullOrWhiteSpace(unit))
            throw new DomainException("Say what the quantity counts (days, hours, pupils…).");
        if (actualCost is { Pence: < 0 } cost)
            throw new DomainException($"The actual cost must be zero or more (it was {cost}).");
        From = from;
        To = to;
        Quantity = quantity;
        Unit = quantity is null ? null : Limit(unit, MaxUnitLength, "unit");
        ActualCost = actualCost;
        Description = Blank(Limit(description, MaxDescriptionLength, "description"));
        Reference = Blank(Limit(reference, MaxReferenceLength, "reference"));
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public decimal? Quantity { get; }
    public string? Unit { get; }
    public Money.Money? ActualCost { get; }
    public string? Description { get; }
    public string? Reference { get; }

    private static string? Limit(string? text, int max, string what)
    {
        var trimmed = text?.Trim();
        return trimmed is { Length: var n } && n > max
            ? throw new DomainException($"Keep the {what} to {max:N0} characters (it has {n:N0}).")
            : trimmed;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
