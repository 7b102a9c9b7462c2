using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Access;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Recharging;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Tests.Access;

/// <summary>
/// The database shows a person only their own organisation's partnerships and what hangs off them, for every query.
/// The seed data (seed-data/partnerships) makes the expectations by hand: the Isle of Wight is party to three
/// (Southampton's education support, Hampshire's strategic partnership and its buy-back), Halton to two (the joint
/// venture with Warrington, the shared service with Cheshire West), and no partnership has both.
/// </summary>
public abstract partial class OrganisationScopeTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private async Task<Caller> PersonOfAsync(string code, params string[] roles)
    {
        await using var db = Factory.CreateDbContext();
        var id = await db.Organisations.Where(o => o.ShortCode == code).Select(o => o.Id).SingleAsync();
        return Caller.Person($"Someone at {code}", $"user-{code}", id, roles);
    }

    private async Task<List<string>> VisibleCodesAsync()
    {
        await using var db = Factory.CreateDbContext();
        return await db.Partnerships.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync();
    }

    [Fact]
    public async Task Partnerships_EachCallerSeesOnlyTheirOrganisations()
    {
        using (CallerContext.Use(await PersonOfAsync("IWC")))
            Assert.Equal(["hcc-iwc-childrens-services", "iwc-hcc-buy-back", "scc-iwc-education-support"], await VisibleCodesAsync());
        using (CallerContext.Use(await PersonOfAsync("HBC")))
            Assert.Equal(["halton-cwac-shared-service", "halton-warrington-school-improvement-jv"], await VisibleCodesAsync());
        // Cheshire West is party only to the shared service with Halton.
        using (CallerContext.Use(await PersonOfAsync("CWAC")))
            Assert.Equal(["halton-cwac-shared-service"], await VisibleCodesAsync());
        using (CallerContext.Use(Caller.Nobody))
            Assert.Empty(await VisibleCodesAsync());
        Assert.Equal(5, (await VisibleCodesAsync()).Count); // the system (no caller set in these tests)
    }

    [Fact]
    public async Task ServicesSchedulesAndActivity_FollowTheirPartnership_EvenByIdAndInBulk()
    {
        // Read as the system: Halton's shared service's services, and their schedules and activity.
        List<int> services, activity;
        int schedules;
        await using (var db = Factory.CreateDbContext())
        {
            var halton = await db.Partnerships.SingleAsync(p => p.Code == "halton-cwac-shared-service");
            services = await db.TradedServices.Where(s => EF.Property<int>(s, "PartnershipId") == halton.Id).Select(s => s.Id).ToListAsync();
            activity = await db.ActivityEntries.Where(a => services.Contains(a.TradedServiceId)).Select(a => a.Id).ToListAsync();
            schedules = await db.ChargeSchedules.CountAsync(c => services.Contains(c.TradedServiceId));
        }
        Assert.True(services.Count > 0 && activity.Count > 0 && schedules > 0, "The seed's Halton shared service has services, schedules and illustrative activity.");

        using (CallerContext.Use(await PersonOfAsync("IWC")))
        {
            await using var db = Factory.CreateDbContext();
            Assert.Equal(0, await db.TradedServices.CountAsync(s => services.Contains(s.Id)));
            Assert.Equal(0, await db.ActivityEntries.CountAsync(a => activity.Contains(a.Id)));
            Assert.Equal(0, await db.ChargeSchedules.CountAsync(c => services.Contains(c.TradedServiceId)));
            // A bulk change is filtered alike: another council's activity cannot be touched by its id.
            Assert.Equal(0, await db.ActivityEntries.Where(a => a.Id == activity[0]).ExecuteDeleteAsync());
        }
        using (CallerContext.Use(await PersonOfAsync("HBC")))
        {
            await using var db = Factory.CreateDbContext();
            Assert.Equal(activity.Count, await db.ActivityEntries.CountAsync(a => activity.Contains(a.Id)));
        }
    }

    [Fact]
    public async Task Invoices_ARunsInvoicesAreSeenByItsPartiesOnly_AndTheRunByItsStarterOnly()
    {
        int partnershipId;
        await using (var db = Factory.CreateDbContext())
            partnershipId = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
        var southampton = await PersonOfAsync("SCC", Roles.FinanceOfficer);
        int runId;
        using (CallerContext.Use(southampton))
            runId = (await Get<RechargeRuns>().RunAsync(RechargePeriod.Month(2013, 10), RechargeScope.Partnership, partnershipId, "Southampton officer")).RunId;

        async Task<(int Invoices, int Lines, int Runs)> SeenBy(Caller caller)
        {
            using var _ = CallerContext.Use(caller);
            await using var db = Factory.CreateDbContext();
            return (await db.Invoices.CountAsync(i => i.RunId == runId), await db.InvoiceLines.CountAsync(), await db.RechargeRuns.CountAsync(r => r.Id == runId));
        }

        // October 2013 drafts one invoice for the partnership (Southampton to the Isle of Wight).
        var bySouthampton = await SeenBy(southampton);
        Assert.Equal((1, 1), (bySouthampton.Invoices, bySouthampton.Runs));
        Assert.True(bySouthampton.Lines > 0);
        var byWight = await SeenBy(await PersonOfAsync("IWC"));
        Assert.Equal((1, bySouthampton.Lines, 0), byWight); // the recipient sees the invoice, not Southampton's run
        Assert.Equal((0, 0, 0), await SeenBy(await PersonOfAsync("HBC")));
    }

    [Fact]
    public async Task NewPartnership_WithoutTheirOwnOrganisation_Refused_AndAnotherCouncilsIsNotFound()
    {
        var halton = await PersonOfAsync("HBC", Roles.Director);
        int southampton, wight, iwcPartnership;
        await using (var db = Factory.CreateDbContext())
        {
            southampton = await db.Organisations.Where(o => o.ShortCode == "SCC").Select(o => o.Id).SingleAsync();
            wight = await db.Organisations.Where(o => o.ShortCode == "IWC").Select(o => o.Id).SingleAsync();
            iwcPartnership = await db.Partnerships.Where(p => p.Code == "scc-iwc-education-support").Select(p => p.Id).SingleAsync();
        }
        var form = new PartnershipForm
        {
            Code = "someone-elses", Name = "Someone else's partnership", Kind = PartnershipKind.SharedService,
            Parties = [new PartyForm { OrganisationId = southampton, Role = PartyRole.Provider }, new PartyForm { OrganisationId = wight, Role = PartyRole.Recipient }],
        };

        using (CallerContext.Use(halton))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Get<PartnershipEditor>().SaveAsync(form));
            Assert.Equal("Parties: your own organisation must be one of the parties.", refused.Message);
            await Assert.ThrowsAnyAsync<Exception>(() => Get<PartnershipEditor>().SaveTermAsync(iwcPartnership, new TermForm()));
        }
        Assert.DoesNotContain("someone-elses", await VisibleCodesAsync());
    }
}

public abstract partial class OrganisationScopeTests<TDatabase>
{
    [Fact]
    public async Task AnotherCouncilsRecord_CannotBeChanged_NotEvenItsBankDetails()
    {
        var wightAdministrator = await PersonOfAsync("IWC", Roles.Administrator);
        var directory = Get<SharedServices.Core.Organisations.OrganisationDirectory>();
        SharedServices.Core.Organisations.OrganisationForm southampton;
        using (Testers.System()) southampton = SharedServices.Core.Organisations.OrganisationForm.From((await directory.FindAsync("SCC"))!.Organisation);
        southampton.Notes = "Changed by the Isle of Wight";

        using (CallerContext.Use(wightAdministrator))
        {
            Assert.Null(await directory.FindToEditAsync("SCC"));
            Assert.NotNull(await directory.FindToEditAsync("IWC"));
            var refused = await Assert.ThrowsAsync<DomainException>(() => directory.SaveAsync(southampton));
            Assert.Equal("You can change only your own organisation's record.", refused.Message);
        }
        Assert.NotEqual("Changed by the Isle of Wight", (await directory.FindAsync("SCC"))!.Organisation.Notes);
    }
}

public abstract partial class OrganisationScopeTests<TDatabase>
{
    [Fact]
    public async Task Settlement_BetweenTwoOtherCouncils_Refused_ButWithYourOwnShown()
    {
        int southampton, wight;
        await using (var db = Factory.CreateDbContext())
        {
            southampton = await db.Organisations.Where(o => o.ShortCode == "SCC").Select(o => o.Id).SingleAsync();
            wight = await db.Organisations.Where(o => o.ShortCode == "IWC").Select(o => o.Id).SingleAsync();
        }
        var receivables = Get<SharedServices.Core.Invoicing.Receivables>();

        using (CallerContext.Use(await PersonOfAsync("HBC", Roles.BoardMember)))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                receivables.SettlementAsync(southampton, wight, new DateOnly(2013, 4, 1), new DateOnly(2014, 3, 31)));
            Assert.StartsWith("Choose your own organisation as one of the two", refused.Message);
        }
        using (CallerContext.Use(await PersonOfAsync("IWC", Roles.BoardMember)))
            await receivables.SettlementAsync(southampton, wight, new DateOnly(2013, 4, 1), new DateOnly(2014, 3, 31));
    }
}

file static class Testers
{
    public static IDisposable System() => CallerContext.Use(Caller.System("Test"));
}

public sealed class OrganisationScopeTests_Sqlite : OrganisationScopeTests<SqliteTestDatabase>;

public sealed class OrganisationScopeTests_Postgres : OrganisationScopeTests<PostgresTestDatabase>;
