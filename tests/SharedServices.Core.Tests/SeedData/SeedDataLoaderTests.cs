using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Core.SeedData;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.SeedData;

public abstract class SeedDataLoaderTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string Halton = "partnerships/05-halton-cwac-shared-service.json";

    /// <summary>Today by the app's clock: the seed data's statuses are what the app shows now.</summary>
    private DateOnly Today => Get<TimeProvider>().Today();

    [Fact]
    public async Task Load_FirstTime_AddsEightOrganisationsAndFivePartnerships()
    {
        await using var db = Factory.CreateDbContext();
        Assert.Equal(8, await db.Organisations.CountAsync());
        Assert.Equal(5, await db.Partnerships.CountAsync());
        Assert.Equal(new[] { "CWAC", "HBC", "HCC", "HWSCH", "IWC", "PRIV", "SCC", "WBC" }, (await db.Organisations.Select(o => o.ShortCode).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Load_SecondTime_AddsNothing()
    {
        var result = await new SeedDataLoader(Factory).LoadAsync(SeedFolder);

        Assert.Equal(new SeedLoadResult(0, 0), result);
        await using var db = Factory.CreateDbContext();
        Assert.Equal(5, await db.Partnerships.CountAsync());
        Assert.Equal(8, await db.Organisations.CountAsync());
        Assert.Equal(4, await db.TradedServices.CountAsync(s => EF.Property<int>(s, "PartnershipId") == db.Partnerships.Single(p => p.Code == "scc-iwc-education-support").Id));
    }

    [Fact]
    public async Task Load_StrategicPartnership_KeepsTermGovernanceAndSuccessor()
    {
        var p = await Get<PartnershipDetails>().FindAsync("hcc-iwc-childrens-services");

        Assert.NotNull(p);
        Assert.Equal(new DateOnly(2013, 7, 1), p.Term.StartDate);
        Assert.Equal(TermEndKind.UpToYears, p.Term.EndKind);
        Assert.Equal(new DateOnly(2018, 6, 30), p.Term.LatestEndDate);
        Assert.Equal(TerminationFalls.AnyDay, p.Term.TerminationFalls);
        Assert.Equal(new DateOnly(2024, 1, 31), p.TerminatedOn);
        Assert.Equal(new DateOnly(2024, 1, 31), p.EndsOn); // the recorded termination, later than the term allowed
        Assert.Equal(PartnershipStatus.Terminated, p.StatusOn(Today));
        var terminated = Assert.Single(p.Events);
        Assert.Equal((PartnershipEventKind.Terminated, new DateOnly(2024, 1, 31)), (terminated.Kind, terminated.Date));
        Assert.Equal("002_d8d0be62417717b0.txt, item 3", terminated.Source?.ToString()); // the end comes from the later record
        Assert.Equal("003_070ff0fe8edf3d0d.txt, para 3", p.LegalBasisSource?.ToString());
        Assert.Equal(2, p.NoticePeriods.Count);
        Assert.All(p.NoticePeriods, n => Assert.Null(n.Length)); // "a specified number of months": not stated
        Assert.Equal(["Joint Operational Board", "Joint member board"], p.GovernanceBodies.Select(g => g.Name));
        Assert.Equal("iwc-hcc-buy-back", p.Successor?.Code);
        Assert.Contains(p.Decisions, d => d.Reference == "4876" && d.DecisionDate == new DateOnly(2013, 6, 12));
        Assert.Equal("003_070ff0fe8edf3d0d.txt", p.Term.Source?.Document);
    }

    [Fact]
    public async Task Load_BuyBack_HasIllustrativeNoticeAndPredecessor()
    {
        var p = await Get<PartnershipDetails>().FindAsync("iwc-hcc-buy-back");

        Assert.NotNull(p);
        Assert.Equal(12, p.Term.MinimumTermMonths);
        Assert.Null(p.Term.StartDate);
        Assert.Equal(2, p.NoticePeriods.Count);
        Assert.All(p.NoticePeriods, n => Assert.True(n.IsIllustrative && n.Length == NoticeLength.Months(3)));
        Assert.Equal("hcc-iwc-childrens-services", p.Predecessor?.Code);
        // The term gives no start; the history records the officer decision that entered the contract.
        var commenced = Assert.Single(p.Events);
        Assert.Equal((PartnershipEventKind.Commenced, new DateOnly(2024, 3, 5)), (commenced.Kind, commenced.Date));
        Assert.Equal("002_d8d0be62417717b0.txt, item 1", commenced.Source?.ToString());
        Assert.Equal(new DateOnly(2024, 3, 5), p.StartedOn);
        Assert.Equal(new DateOnly(2025, 3, 4), p.MinimumTermEnd);
        Assert.Null(p.EndsOn);
        Assert.Equal(PartnershipStatus.Active, p.StatusOn(Today));
    }

    [Fact]
    public async Task Load_EducationSupport_HasCabinetKeyDecision()
    {
        var p = await Get<PartnershipDetails>().FindAsync("scc-iwc-education-support");

        var decision = Assert.Single(p!.Decisions);
        Assert.Equal("CAB 12/13 9254", decision.Reference);
        Assert.Equal("Cabinet", decision.DecisionMaker);
        Assert.Equal(new DateOnly(2012, 11, 13), decision.DecisionDate);
        Assert.True(decision.IsKeyDecision);
        Assert.True(decision.SubjectToCallIn);
        Assert.Equal(new DateOnly(2015, 8, 31), p.Term.EndDate);
        // No source gives the actual end: no termination is recorded, and the term's end stands.
        Assert.Equal((PartnershipStatus.Ended, (DateOnly?)null), (p.StatusOn(Today), p.TerminatedOn));
        Assert.Equal(new DateOnly(2015, 8, 31), p.EndsOn);
        Assert.Contains(p.Services, s => s.Provider!.ShortCode == "IWC" && s.Recipient!.ShortCode == "SCC"); // reciprocal access
    }

    [Fact]
    public async Task Load_EveryPartnership_HasItsStatusWorkedOutAsOfToday()
    {
        await using var db = Factory.CreateDbContext();
        var partnerships = await db.Partnerships.Include(p => p.Decisions).Include(p => p.Events).ToListAsync();

        Assert.Equal(
            [("halton-cwac-shared-service", PartnershipStatus.Active), ("halton-warrington-school-improvement-jv", PartnershipStatus.Proposed),
             ("hcc-iwc-childrens-services", PartnershipStatus.Terminated), ("iwc-hcc-buy-back", PartnershipStatus.Active),
             ("scc-iwc-education-support", PartnershipStatus.Ended)],
            partnerships.Select(p => (p.Code, p.StatusOn(Today))).OrderBy(x => x.Code, StringComparer.Ordinal));
        // The joint venture's planned mobilisation is not a start: no source records that it went live.
        var jointVenture = partnerships.Single(p => p.Code == "halton-warrington-school-improvement-jv");
        Assert.Equal((null, null, null), (jointVenture.Term.StartDate, jointVenture.StartedOn, jointVenture.EndsOn));
    }

    [Fact]
    public async Task Load_TerminationBeforeTheTermStarts_NamesFileAndEvent()
    {
        using var seed = new SeedFolderCopy(SeedFolder);
        seed.CopyWith("partnerships/02-hcc-iwc-childrens-services.json", "partnerships/06-early-end.json",
            ("\"hcc-iwc-childrens-services\"", "\"hcc-iwc-early-end\""),
            ("\"date\": \"2024-01-31\"", "\"date\": \"2013-06-30\""));

        var error = await Assert.ThrowsAsync<SeedDataException>(() => new SeedDataLoader(Factory).LoadAsync(seed.Folder));

        Assert.Equal("partnerships/06-early-end.json: events[0]: The agreement cannot end (30 June 2013) before it began (1 July 2013).",
            Assert.Single(error.Errors));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(5, await db.Partnerships.CountAsync());
    }

    [Fact]
    public async Task Load_AfterUserRecodesAnOrganisation_DoesNotBringTheOriginalBack()
    {
        var directory = Get<OrganisationDirectory>();
        var form = OrganisationForm.From((await directory.FindAsync("IWC"))!.Organisation);
        form.ShortCode = "IOW";
        await directory.SaveAsync(form);

        var result = await new SeedDataLoader(Factory).LoadAsync(SeedFolder);

        Assert.Equal(new SeedLoadResult(0, 0), result);
        Assert.Equal(8, (await directory.ListAsync()).Count);
        Assert.Null(await directory.FindAsync("IWC"));
    }

    [Fact]
    public async Task Load_NewSeedNamingAPredecessorAUserAlreadyReplaced_SaysSoAndAddsNothing()
    {
        var details = Get<PartnershipDetails>();
        var form = PartnershipForm.From((await details.FindAsync("halton-warrington-school-improvement-jv"))!);
        form.PredecessorId = (await details.FindAsync("halton-cwac-shared-service"))!.Id;
        await Get<PartnershipEditor>().SaveAsync(form);
        using var seed = new SeedFolderCopy(SeedFolder);
        seed.CopyWith(Halton, "partnerships/06-later.json",
            ("\"halton-cwac-shared-service\"", "\"halton-cwac-later\""), ("\"predecessor\": null", "\"predecessor\": \"halton-cwac-shared-service\""));

        var error = await Assert.ThrowsAsync<SeedDataException>(() => new SeedDataLoader(Factory).LoadAsync(seed.Folder));

        Assert.Equal("partnerships/06-later.json: predecessor: 'halton-cwac-shared-service' is already recorded as replaced by another partnership",
            Assert.Single(error.Errors));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(5, await db.Partnerships.CountAsync());
    }

    [Fact]
    public async Task Load_RuleBrokenAfterOrganisationsSaved_RollsBackEverything()
    {
        using var seed = new SeedFolderCopy(SeedFolder);
        // A new organisation, and two new partnerships each naming the other as predecessor: the reader accepts
        // the files; the loop is found only while building, after the new organisation has been saved.
        seed.CopyWith("organisations.json", "organisations.json", ("\"organisations\": [",
            "\"organisations\": [ { \"code\": \"NEWCO\", \"name\": \"New Council\", \"kind\": \"DistrictCouncil\", \"gssCode\": null, \"notes\": null },"));
        seed.CopyWith(Halton, "partnerships/06-loop-a.json",
            ("\"halton-cwac-shared-service\"", "\"loop-a\""), ("\"predecessor\": null", "\"predecessor\": \"loop-b\""), ("\"CWAC\"", "\"NEWCO\""));
        seed.CopyWith(Halton, "partnerships/07-loop-b.json",
            ("\"halton-cwac-shared-service\"", "\"loop-b\""), ("\"predecessor\": null", "\"predecessor\": \"loop-a\""), ("\"CWAC\"", "\"NEWCO\""));

        var error = await Assert.ThrowsAsync<SeedDataException>(() => new SeedDataLoader(Factory).LoadAsync(seed.Folder));

        Assert.StartsWith("partnerships/07-loop-b.json: predecessor:", Assert.Single(error.Errors));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(8, await db.Organisations.CountAsync());
        Assert.Equal(5, await db.Partnerships.CountAsync());
    }

    [Fact]
    public async Task Load_FileWithBrokenReference_ThrowsNamingFileAndWritesNothing()
    {
        using var seed = new SeedFolderCopy(SeedFolder);
        // A new partnership whose party is not in organisations.json.
        seed.CopyWith(Halton, "partnerships/06-broken.json", ("\"halton-cwac-shared-service\"", "\"halton-cwac-two\""), ("\"CWAC\"", "\"NOPE\""));

        var error = await Assert.ThrowsAsync<SeedDataException>(() => new SeedDataLoader(Factory).LoadAsync(seed.Folder));

        Assert.Contains(error.Errors, e => e.StartsWith("partnerships/06-broken.json: parties[1].organisation:") && e.Contains("'NOPE'"));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(5, await db.Partnerships.CountAsync());
    }
}

public sealed class SeedDataLoaderTests_Sqlite : SeedDataLoaderTests<SqliteTestDatabase>;

public sealed class SeedDataLoaderTests_Postgres : SeedDataLoaderTests<PostgresTestDatabase>;
