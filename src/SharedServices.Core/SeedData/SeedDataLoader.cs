using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.SeedData;

/// <summary>What a seed load added; zero and zero on every start after the first.</summary>
public sealed record SeedLoadResult(int OrganisationsAdded, int PartnershipsAdded);

/// <summary>
/// Loads the seed partnerships into the database. Idempotent: organisations are matched by short code and
/// partnerships by code, and anything already there is left as it is (a user may have edited it since).
/// All or nothing: one transaction, so a bad file leaves the database untouched.
/// </summary>
public sealed class SeedDataLoader(IDbContextFactory<SharedServicesDbContext> contextFactory)
{
    public async Task<SeedLoadResult> LoadAsync(string folder, CancellationToken cancel = default)
    {
        var seed = SeedDataReader.Read(folder);

        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.ShortCode, cancel);
        var newOrganisations = seed.Organisations.Where(o => !organisations.ContainsKey(o.Code))
            .Select(o => new Organisation(o.Name, o.Code, o.Kind, o.GssCode, o.Notes)).ToList();
        db.Organisations.AddRange(newOrganisations);
        await db.SaveChangesAsync(cancel); // partnerships refer to organisations by id, so they need ids first
        foreach (var o in newOrganisations) organisations[o.ShortCode] = o;

        var existing = await db.Partnerships.ToDictionaryAsync(p => p.Code, cancel);
        var added = new List<(SeedPartnership Seed, Partnership Partnership)>();
        foreach (var (file, seedPartnership) in seed.Partnerships.Where(p => !existing.ContainsKey(p.Partnership.Code)))
        {
            try
            {
                var partnership = Build(seedPartnership, code => organisations[code].Id);
                db.Partnerships.Add(partnership);
                added.Add((seedPartnership, partnership));
                existing[partnership.Code] = partnership;
            }
            catch (DomainException ex)
            {
                throw new SeedDataException([$"{file}: {ex.Message}"]);
            }
        }
        foreach (var (seedPartnership, partnership) in added.Where(a => a.Seed.Predecessor is not null))
            partnership.SetPredecessor(existing[seedPartnership.Predecessor!]);

        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
        return new SeedLoadResult(newOrganisations.Count, added.Count);
    }

    private static Partnership Build(SeedPartnership seed, Func<string, int> organisationId)
    {
        var partnership = new Partnership(seed.Code, seed.Name, seed.Kind,
            seed.Parties.Select(p => new PartnershipParty(organisationId(p.Organisation), p.Role)));
        var t = seed.Term;
        partnership.SetTerm(
            new Term(t.StartDate, t.EndKind, t.EndDate, t.UpToYears, t.MinimumTermMonths, t.TerminationFalls, t.Notes, Source(t.Source)),
            seed.NoticePeriods.Select(n => new NoticePeriod(organisationId(n.Organisation), n.Months, n.Illustrative, Source(n.Source))));
        partnership.UpdateDetails(seed.Name, seed.Kind, seed.Status, seed.EndedOn, seed.LegalBasis, seed.Summary, Source(seed.Source));
        foreach (var s in seed.Services)
            partnership.AddService(new TradedService(s.Name, organisationId(s.Provider), organisationId(s.Recipient),
                s.Description, s.StartDate, s.EndDate, Source(s.Source)));
        foreach (var d in seed.Decisions)
            partnership.AddDecision(new DecisionRecord(organisationId(d.Organisation), d.DecisionMaker, d.Reference, d.DecisionDate,
                d.KeyDecision, d.SubjectToCallIn, d.Resolved, d.PublishedOn, Source(d.Source)));
        partnership.SetGovernanceBodies(seed.GovernanceBodies.Select(g => new GovernanceBody(g.Name, g.Purpose, Source(g.Source))));
        return partnership;
    }

    private static SourceReference? Source(SeedSource? source) =>
        source is null ? null : new SourceReference(source.Document, source.Paragraph);
}
