using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Organisations;

public sealed record OrganisationRow(int Id, string Name, string ShortCode, OrganisationKind Kind, string? GssCode, int PartnershipCount);

public sealed record OrganisationPartnership(string Code, string Name, PartnershipKind Kind, PartnershipStatus Status, PartyRole Role);

public sealed record OrganisationProfile(Organisation Organisation, IReadOnlyList<OrganisationPartnership> Partnerships);

/// <summary>Lists organisations and shows, for one, the partnerships it is party to; also saves the organisation form.</summary>
public sealed class OrganisationDirectory(IDbContextFactory<SharedServicesDbContext> contextFactory, OrganisationFormValidator validator, TimeProvider clock,
    Caching.ChangeStampCache cache)
{
    /// <summary>
    /// Every organisation, by name, with how many of the partnerships the caller sees each is party to. The register's
    /// and the forms' dropdowns ask on every page view, so it is cached until an organisation or a partnership
    /// changes; per council, because the counts are.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationRow>> ListAsync(CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var key = new Caching.CacheKey("Organisation list", Caching.CacheKey.ScopeOf(db.Caller));
        return await cache.GetAsync(db, key, [Caching.ChangeArea.Organisations, Caching.ChangeArea.Partnerships], async () =>
        {
            // One pass over the (caller-scoped) parties, grouped by organisation, joined to the organisations; not a
            // count per organisation, which reads the register once for each of them. Distinct: an organisation in two
            // roles in one partnership counts it once.
            var counts = db.Partnerships
                .SelectMany(p => p.Parties)
                .Select(party => new { party.OrganisationId, PartnershipId = EF.Property<int>(party, "PartnershipId") })
                .Distinct()
                .GroupBy(x => x.OrganisationId)
                .Select(g => new { OrganisationId = g.Key, Count = g.Count() });
            return (IReadOnlyList<OrganisationRow>)(await (
                    from o in db.Organisations.AsNoTracking()
                    join c in counts on o.Id equals c.OrganisationId into matched
                    from c in matched.DefaultIfEmpty()
                    orderby o.Name
                    select new OrganisationRow(o.Id, o.Name, o.ShortCode, o.Kind, o.GssCode, (int?)c.Count ?? 0))
                .ToListAsync(cancel)).AsReadOnly();
        }, cancel);
    }

    /// <summary>
    /// One organisation by its short code, in any case: codes are stored in capitals (IWC), but people type
    /// addresses such as /organisations/iwc.
    /// </summary>
    public async Task<OrganisationProfile?> FindAsync(string shortCode, CancellationToken cancel = default)
    {
        var code = shortCode.Trim().ToUpperInvariant();
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.ShortCode == code, cancel);
        if (organisation is null) return null;
        var today = clock.Today();
        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.Parties.Any(x => x.OrganisationId == organisation.Id))
            .OrderBy(p => p.Name)
            .Select(p => new OrganisationPartnership(p.Code, p.Name, p.Kind,
                PartnershipStatusRule.On(today, p.StartedOn, p.Decisions.Any(d => d.DecisionDate <= today),
                    p.NoticeServedOn, p.NoticeExitOn, p.TerminatedOn, p.Renews, p.CurrentTermEnd),
                p.Parties.First(x => x.OrganisationId == organisation.Id).Role))
            .ToListAsync(cancel);
        return new OrganisationProfile(organisation, partnerships);
    }

    /// <summary>The organisation, if the caller may change it (their own; any for the system); otherwise null, as if there were none.</summary>
    public async Task<OrganisationProfile?> FindToEditAsync(string shortCode, CancellationToken cancel = default)
    {
        var page = await FindAsync(shortCode, cancel);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return page is not null && db.Caller.ActsFor(page.Organisation.Id) ? page : null;
    }

    /// <summary>Creates or updates an organisation; returns its short code (the address of its page).</summary>
    public async Task<string> SaveAsync(OrganisationForm form, CancellationToken cancel = default)
    {
        await validator.CheckAsync(form, cancel);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        Organisation organisation;
        if (form.Id is { } id)
        {
            organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancel)
                ?? throw new Domain.DomainException("That organisation no longer exists.");
            // Its bank details go on its invoices: only its own people (or the system) may change them.
            if (!db.Caller.ActsFor(organisation.Id))
                throw new Domain.DomainException("You can change only your own organisation's record.");
            EditVersion.Expect(db.Entry(organisation).Property(o => o.Version), form.Version, EditConflictException.Organisation);
            organisation.Update(form.Name, form.ShortCode, form.Kind, form.GssCode, form.Notes);
        }
        else
        {
            organisation = new Organisation(form.Name, form.ShortCode, form.Kind, form.GssCode, form.Notes);
            db.Organisations.Add(organisation);
        }
        organisation.SetCallInWorkingDays(form.CallInWorkingDays);
        organisation.SetInvoicingDetails(form.ToInvoicingDetails());
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflictException.Organisation();
        }
        return organisation.ShortCode;
    }
}
