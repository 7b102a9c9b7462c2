using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Cli;

/// <summary>
/// Fills a database with made-up partnerships between the seed organisations, built through the domain like real
/// ones, so the register can be measured at the size of a large council's. The same count always gives the same data.
/// </summary>
internal static class SyntheticRegister
{
    private static readonly string[] Services =
        ["School improvement", "Educational psychology", "SEN statutory functions", "Safeguarding unit", "Payroll", "Legal services"];

    public static async Task AddAsync(SharedServicesDbContextFactory factory, int count, CancellationToken cancel)
    {
        var random = new Random(20121113);
        int[] organisations;
        await using (var db = factory.CreateDbContext())
            organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).ToArrayAsync(cancel); // in a set order: the same draw picks the same organisation on every database

        const int batch = 1_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = factory.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + batch); i++)
                db.Partnerships.Add(Make(i, random, organisations));
            await db.SaveChangesAsync(cancel);
        }
    }

    private static Partnership Make(int i, Random random, int[] organisations)
    {
        var provider = organisations[random.Next(organisations.Length)];
        var recipient = organisations.Where(o => o != provider).ElementAt(random.Next(organisations.Length - 1));
        var partnership = new Partnership($"synthetic-{i:D6}", $"Synthetic agreement {i:D6}", (PartnershipKind)random.Next(5),
            [new PartnershipParty(provider, PartyRole.Provider), new PartnershipParty(recipient, PartyRole.Recipient)]);
        var start = new DateOnly(2005, 4, 1).AddDays(random.Next(7_000));
        partnership.SetTerm(new Term(start, TermEndKind.FixedDate, start.AddYears(1 + random.Next(5)).AddDays(-1)), []);
        if (random.Next(3) == 0)
            partnership.Terminate(partnership.Term.EndDate!.Value, null, null);
        for (var s = 0; s < 1 + random.Next(3); s++)
            partnership.AddService(new TradedService(Services[random.Next(Services.Length)], provider, recipient));
        return partnership;
    }
}
