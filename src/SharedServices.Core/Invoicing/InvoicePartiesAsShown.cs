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
    public static async Task<InvoiceParties> ForAsync(SharedServicesDbContext db, Invoice invoice, CancellationToken cancel)
    {
        if (invoice is { ProviderAtIssue: { } provider, RecipientAtIssue: { } recipient }) return new InvoiceParties(provider, recipient);
        var now = await CurrentAsync(db, [invoice.ProviderId, invoice.RecipientId], cancel);
        return new InvoiceParties(now[invoice.ProviderId], now[invoice.RecipientId]);
    }

    /// <summary>The organisations' names, codes and invoicing details as recorded now, by id, read in one query.</summary>
    public static async Task<Dictionary<int, InvoiceParty>> CurrentAsync(SharedServicesDbContext db, IReadOnlyCollection<int> organisationIds, CancellationToken cancel)
    {
        var ids = organisationIds.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new InvoiceParty(o.Name, o.ShortCode) { Details = o.Invoicing }, cancel);
    }
}
