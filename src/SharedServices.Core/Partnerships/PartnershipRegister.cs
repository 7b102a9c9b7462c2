using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

public enum RegisterSort
{
    Name,
    Kind,
    Status,
    StartDate,
    EndDate,
}

/// <summary>
/// What the register is asked for: a search, filters, a sort and one page. <see cref="NoEndDate"/> keeps only the
/// live partnerships with no end date, the ones the dashboard counts.
/// </summary>
public sealed record RegisterQuery(
    string? Search = null,
    PartnershipKind? Kind = null,
    PartnershipStatus? Status = null,
    int? OrganisationId = null,
    RegisterSort SortBy = RegisterSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 10,
    bool NoEndDate = false);

public sealed record RegisterRow(
    int Id, string Code, string Name, PartnershipKind Kind, PartnershipStatus Status,
    IReadOnlyList<string> Parties, DateOnly? StartDate, DateOnly? EndDate);

public sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, int TotalCount);

public sealed record PartnershipChoice(int Id, string Code, string Name);

/// <summary>
/// The partnerships register. Searching, filtering, sorting and paging all happen in the database, so the page
/// stays quick however many agreements a council keeps.
/// </summary>
public sealed class PartnershipRegister(IDbContextFactory<SharedServicesDbContext> contextFactory, TimeProvider clock)
{
    public async Task<RegisterPage> FindAsync(RegisterQuery query, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var partnerships = db.Partnerships.AsNoTracking();
        var today = clock.Today();

        if (!string.IsNullOrWhiteSpace(query.Search)) partnerships = partnerships.Matching(db, query.Search);
        if (query.Kind is { } kind) partnerships = partnerships.Where(p => p.Kind == kind);
        if (query.Status is { } status) partnerships = partnerships.WhereStatus(status, today);
        if (query.NoEndDate) partnerships = partnerships.WhereLiveWithNoEndDate(today);
        if (query.OrganisationId is { } organisationId)
            partnerships = partnerships.Where(p => p.Parties.Any(party => party.OrganisationId == organisationId));

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        // The total rides along with the page's rows: one round trip, and each database works the uncorrelated
        // COUNT out once for the statement, not once per row.
        var page = await Sort(partnerships, query.SortBy, query.Descending, today)
            .Skip(Math.Max(0, query.Page) * pageSize)
            .Take(pageSize)
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.Kind,
                Parties = p.Parties.OrderBy(x => x.Role).Select(x => x.Organisation!.ShortCode).ToList(),
                p.StartedOn, p.EndsOn, p.NoticeServedOn, p.NoticeExitOn, p.TerminatedOn, p.Renews, p.CurrentTermEnd,
                Decided = p.Decisions.Any(d => d.DecisionDate <= today),
                Total = partnerships.Count(),
            })
            .ToListAsync(cancel);
        // A page past the end has no rows to carry the total, so only then is it asked for on its own.
        var total = page.Count > 0 ? page[0].Total : query.Page > 0 ? await partnerships.CountAsync(cancel) : 0;

        var rows = page.Select(p => new RegisterRow(p.Id, p.Code, p.Name, p.Kind,
            PartnershipStatusRule.On(today, p.StartedOn, p.Decided, p.NoticeServedOn, p.NoticeExitOn, p.TerminatedOn, p.Renews, p.CurrentTermEnd),
            p.Parties, p.StartedOn, p.EndsOn)).ToList();
        return new RegisterPage(rows, total);
    }

    private static IQueryable<Partnership> Sort(IQueryable<Partnership> partnerships, RegisterSort sortBy, bool descending, DateOnly today)
    {
        // Dates the sources do not give sort last either way (SQLite and PostgreSQL disagree on where nulls go),
        // and names sort without regard to case, so both databases list the register in the same order.
        IOrderedQueryable<Partnership> sorted = (sortBy, descending) switch
        {
            (RegisterSort.Kind, false) => partnerships.OrderBy(p => p.Kind),
            (RegisterSort.Kind, true) => partnerships.OrderByDescending(p => p.Kind),
            (RegisterSort.Status, false) => partnerships.OrderBy(PartnershipStatusQuery.On(today)),
            (RegisterSort.Status, true) => partnerships.OrderByDescending(PartnershipStatusQuery.On(today)),
            (RegisterSort.StartDate, false) => partnerships.OrderBy(p => p.StartedOn == null).ThenBy(p => p.StartedOn),
            (RegisterSort.StartDate, true) => partnerships.OrderBy(p => p.StartedOn == null).ThenByDescending(p => p.StartedOn),
            (RegisterSort.EndDate, false) => partnerships.OrderBy(p => p.EndsOn == null).ThenBy(p => p.EndsOn),
            (RegisterSort.EndDate, true) => partnerships.OrderBy(p => p.EndsOn == null).ThenByDescending(p => p.EndsOn),
            (_, false) => partnerships.OrderBy(p => p.Name.ToLower()),
            (_, true) => partnerships.OrderByDescending(p => p.Name.ToLower()),
        };
        return sorted.ThenBy(p => p.Id); // a stable order, so paging never shows a row twice
    }

    /// <summary>Every partnership's id and name, by name: the choices for a "predecessor" picker.</summary>
    public async Task<IReadOnlyList<PartnershipChoice>> ChoicesAsync(CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        return await db.Partnerships.AsNoTracking().OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Id)
            .Select(p => new PartnershipChoice(p.Id, p.Code, p.Name)).ToListAsync(cancel);
    }
}
