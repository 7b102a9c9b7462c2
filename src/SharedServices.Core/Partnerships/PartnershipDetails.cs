using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>Loads one partnership with everything its page shows.</summary>
public sealed class PartnershipDetails(IDbContextFactory<SharedServicesDbContext> contextFactory)
{
    public async Task<Partnership?> FindAsync(string code, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await WithEverything(db.Partnerships.AsNoTracking()).SingleOrDefaultAsync(p => p.Code == code, cancel);
    }

    /// <summary>The includes every full load of a partnership needs; editing use cases share them.</summary>
    public static IQueryable<Partnership> WithEverything(IQueryable<Partnership> partnerships) =>
        partnerships
            .Include(p => p.Parties).ThenInclude(p => p.Organisation)
            .Include(p => p.NoticePeriods).ThenInclude(n => n.Organisation)
            .Include(p => p.Services).ThenInclude(s => s.Provider)
            .Include(p => p.Services).ThenInclude(s => s.Recipient)
            .Include(p => p.Decisions).ThenInclude(d => d.Organisation)
            .Include(p => p.Events).ThenInclude(e => e.Organisation)
            .Include(p => p.Milestones)
            .Include(p => p.Predecessor)
            .Include(p => p.Successor)
            .AsSplitQuery();
}
