using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Invoicing;

/// <summary>A council as an invoice names it, with its address, VAT registration and bank details as far as they are recorded.</summary>
public sealed record InvoiceParty(string Name, string ShortCode)
{
    public InvoicingDetails Details { get; init; } = InvoicingDetails.None;
}

/// <summary>
/// Who an invoice is from and to, as it shows them. Copied onto the invoice when it is issued, so that a council that
/// later moves or changes bank does not change an invoice already sent: only the provider's bank details and
/// remittance e-mail are kept, since the recipient's are not the invoice's business.
/// </summary>
public sealed record InvoiceParties(InvoiceParty Provider, InvoiceParty Recipient)
{
    /// <summary>What the invoice keeps of the recipient: its name, address and VAT registration, not how to pay it.</summary>
    public InvoiceParty RecipientAsShown => Recipient with { Details = Recipient.Details.WithoutPaymentDetails() };
}
