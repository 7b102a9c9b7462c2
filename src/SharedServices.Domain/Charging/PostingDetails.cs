namespace SharedServices.Domain.Charging;

/// <summary>
/// Where a service's charges are posted on each side: the provider's income code and the recipient's expenditure
/// code (a ledger code or cost centre, as each council writes it), and the recipient's purchase order or buyer
/// reference, which many councils require on an invoice before they will pay it.
/// </summary>
public sealed record PostingDetails
{
    public const int MaxLength = 60;

    public PostingDetails(string? providerLedgerCode, string? providerCostCentre, string? recipientLedgerCode,
        string? recipientCostCentre, string? purchaseOrder)
    {
        ProviderLedgerCode = Clean(providerLedgerCode, "provider's ledger code");
        ProviderCostCentre = Clean(providerCostCentre, "provider's cost centre");
        RecipientLedgerCode = Clean(recipientLedgerCode, "recipient's ledger code");
        RecipientCostCentre = Clean(recipientCostCentre, "recipient's cost centre");
        PurchaseOrder = Clean(purchaseOrder, "purchase order or buyer reference");
    }

    public static PostingDetails None { get; } = new(null, null, null, null, null);

    public string? ProviderLedgerCode { get; }
    public string? ProviderCostCentre { get; }
    public string? RecipientLedgerCode { get; }
    public string? RecipientCostCentre { get; }
    public string? PurchaseOrder { get; }

    private static string? Clean(string? text, string what)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length > MaxLength
            ? throw new DomainException($"Keep the {what} to {MaxLength} characters (it has {trimmed.Length:N0}).")
            : trimmed;
    }
}
