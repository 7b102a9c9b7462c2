using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Charging;

/// <summary>
/// The UK standard rates of VAT as reference data an administrator keeps: list them, and add a new rate when the
/// Chancellor changes it. The rate in force until then ends the day before, so every day keeps exactly one rate.
/// </summary>
public sealed class StandardVatRateReference(IDbContextFactory<SharedServicesDbContext> contextFactory)
{
    /// <summary>The rates, earliest first, checked to cover every day once.</summary>
    public async Task<StandardVatRates> ListAsync(CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return new StandardVatRates(await db.StandardVatRates.AsNoTracking().ToListAsync(cancel));
    }

    /// <summary>
    /// Adds <paramref name="percent"/>% from <paramref name="from"/> until further notice, ending the open-ended rate
    /// on the day before. Refused, with nothing saved, if the new rate would not follow the current one.
    /// </summary>
    public async Task AddAsync(DateOnly from, decimal percent, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var rates = await db.StandardVatRates.ToListAsync(cancel);
        var open = rates.SingleOrDefault(r => r.To is null);
        if (open is not null)
        {
            if (open.From is { } start && from <= start)
                throw new DomainException(
                    $"VAT rates: a new rate must start after the current {open.Percent:0.##}% rate, which starts on {DateText.Long(start)}.");
            db.Entry(open).Property(r => r.To).CurrentValue = from.AddDays(-1);
        }
        var added = new StandardVatRate(from, null, percent);
        // The domain type checks the whole list for gaps and overlaps before anything is written.
        _ = new StandardVatRates(rates.Where(r => !ReferenceEquals(r, open))
            .Concat(open is null ? [] : [open with { To = from.AddDays(-1) }])
            .Append(added));
        db.StandardVatRates.Add(added);
        // Ids are given, not generated, so the seeded rows keep theirs: the next number.
        var next = rates.Count == 0 ? 1 : rates.Max(r => db.Entry(r).Property<int>("Id").CurrentValue) + 1;
        db.Entry(added).Property<int>("Id").CurrentValue = next;
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw EditConflictException.VatRates();
        }
    }

    /// <summary>
    /// Removes the latest rate, starting on <paramref name="startsOn"/>, when it was added by mistake: the rate before it
    /// runs on until further notice again. The UK's statutory rates are not removable, and nor is a rate any issued
    /// invoice has charged (add the right rate from a later day instead): an issued invoice never changes.
    /// </summary>
    public async Task RemoveLatestAsync(DateOnly startsOn, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var rates = await db.StandardVatRates.ToListAsync(cancel);
        var latest = rates.SingleOrDefault(r => r.To is null);
        if (latest is null || latest.From != startsOn) throw EditConflictException.VatRates();
        if (db.Entry(latest).Property<int>("Id").CurrentValue <= StandardVatRates.UnitedKingdom.Rates.Count)
            throw new DomainException($"VAT rates: the {latest.Percent:0.##}% rate from {DateText.Long(startsOn)} is one of the UK's statutory rates, so it cannot be removed.");
        var charged = await (from line in db.InvoiceLines
                             join invoice in db.Invoices on EF.Property<int>(line, "InvoiceId") equals invoice.Id
                             where invoice.Number != null && line.Treatment == VatTreatment.StandardRated && line.CoversTo >= startsOn
                             select invoice.Number).FirstOrDefaultAsync(cancel);
        if (charged is not null)
            throw new DomainException(
                $"VAT rates: the {latest.Percent:0.##}% rate from {DateText.Long(startsOn)} has been charged on invoice {charged}, so it cannot be removed. Add the right rate from a later day instead.");
        if (rates.SingleOrDefault(r => r.To == startsOn.AddDays(-1)) is { } previous)
            db.Entry(previous).Property(r => r.To).CurrentValue = null;
        db.StandardVatRates.Remove(latest);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflictException.VatRates();
        }
    }
}
