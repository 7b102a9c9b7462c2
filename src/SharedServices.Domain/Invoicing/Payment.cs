namespace SharedServices.Domain.Invoicing;

using SharedServices.Domain.Money;

/// <summary>Money received against an invoice: when, how much and the remittance reference.</summary>
public sealed record Payment
{
    public const int MaxReferenceLength = 100;

    public Payment(DateOnly receivedOn, Money amount, string? reference)
    {
        if (amount <= Money.Zero) throw new DomainException($"Amount: a payment must be more than £0.00 (it was {amount}).");
        var trimmed = reference?.Trim();
        if (trimmed is { Length: > MaxReferenceLength })
            throw new DomainException($"Reference: keep it to {MaxReferenceLength} characters (it has {trimmed.Length:N0}).");
        ReceivedOn = receivedOn;
        Amount = amount;
        Reference = string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public int Id { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public Money Amount { get; private set; }
    public string? Reference { get; private set; }
}
