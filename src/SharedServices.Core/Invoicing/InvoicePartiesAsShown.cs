using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Core.Invoicing;

/// <summary>
/// Who an invoice is between, as it shows them: an issued invoice the copy it took on issue, so it never changes once
/// sent; a draft the organisations as they are now, which is what issuing it would copy.
/// </summary>
internal static class InvoicePartiesAsShown
{
    public static async Task<InvoiceParties> ForAsync(SharedServicesDbContext db, Invoice invoice, CancellationToken cancel) =>
        invoice is { ProviderAtIssue: { } provider, RecipientAtIssue: { } recipient }
            ? new InvoiceParties(provider, recipient)
            : await CurrentAsync(db, invoice.ProviderId, invoice.RecipientId, cancel);

    /// <summary>The two organisations' names, codes and invoicing details as recorded now.</summary>
    public static async Task<InvoiceParties> CurrentAsync(SharedServicesDbContext db, int providerId, int recipientId, CancellationToken cancel)
    {
        var parties = await db.Organisations.AsNoTracking().Where(o => o.Id == providerId || o.Id == recipientId)
            .ToDictionaryAsync(o => o.Id, o => new InvoiceParty(o.Name, o.ShortCode) { Details = o.Invoicing }, cancel);
        return new InvoiceParties(parties[providerId], parties[recipientId]);
    }
}
