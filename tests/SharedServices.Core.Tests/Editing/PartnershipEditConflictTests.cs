using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Editing;

/// <summary>Two people open the same partnership and both save: the second is refused and the first's change stands.</summary>
public abstract class PartnershipEditConflictTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string Code = "halton-cwac-shared-service";
    private const string Refused = "This partnership was changed by someone else since you opened it.";

    private PartnershipEditor Editor => Get<PartnershipEditor>();

    private async Task<Partnership> Load() => (await Get<PartnershipDetails>().FindAsync(Code))!;

    private async Task<int> OrganisationId(string shortCode)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Organisations.SingleAsync(o => o.ShortCode == shortCode)).Id;
    }

    [Fact]
    public async Task SaveDetails_AfterSomeoneElseSaved_RefusedAndTheirValuesKept()
    {
        var first = PartnershipForm.From(await Load());
        var second = PartnershipForm.From(await Load());
        first.Name = "Halton and Cheshire West shared service (first)";
        second.Name = "Halton and Cheshire West shared service (second)";
        second.Summary = "The second person's summary";

        await Editor.SaveAsync(first);
        var error = await Assert.ThrowsAsync<EditConflictException>(() => Editor.SaveAsync(second));

        Assert.StartsWith(Refused, error.Message);
        var stored = await Load();
        Assert.Equal("Halton and Cheshire West shared service (first)", stored.Name);
        Assert.NotEqual("The second person's summary", stored.Summary);
        Assert.Equal(first.Version + 1, stored.Version);
    }

    [Fact]
    public async Task SaveTerm_AfterSomeoneElseSavedTheDetails_RefusedAndTermUnchanged()
    {
        var opened = await Load();
        var term = TermForm.From(opened);
        term.MinimumTermMonths = 24;
        var details = PartnershipForm.From(opened);
        details.Name = "Renamed by the first person";

        await Editor.SaveAsync(details);
        var error = await Assert.ThrowsAsync<EditConflictException>(() => Editor.SaveTermAsync(opened.Id, term, opened.Version));

        Assert.StartsWith(Refused, error.Message);
        var stored = await Load();
        Assert.Equal(opened.Term.MinimumTermMonths, stored.Term.MinimumTermMonths);
        Assert.Equal("Renamed by the first person", stored.Name);
    }

    [Fact]
    public async Task SaveService_ThenDecisionFromTheSameOpenedPage_DecisionRefused()
    {
        var opened = await Load();
        var (halton, cheshire) = (await OrganisationId("HBC"), await OrganisationId("CWAC"));

        // Adding a service writes only a service row, yet it still moves the partnership's version on.
        await Editor.SaveServiceAsync(opened.Id, new ServiceForm { Name = "Fostering", ProviderId = halton, RecipientId = cheshire }, opened.Version);
        var error = await Assert.ThrowsAsync<EditConflictException>(() => Editor.SaveDecisionAsync(opened.Id,
            new DecisionForm { OrganisationId = halton, DecisionMaker = "Executive Board", DecisionDate = new DateOnly(2011, 1, 1), Resolved = "To go ahead" }, opened.Version));

        Assert.StartsWith(Refused, error.Message);
        var stored = await Load();
        Assert.Equal(opened.Version + 1, stored.Version);
        Assert.Contains(stored.Services, s => s.Name == "Fostering");
        Assert.Equal(opened.Decisions.Count, stored.Decisions.Count);
    }

    [Fact]
    public async Task HistoryAndMilestone_FromAStalePage_RefusedAndNothingRecorded()
    {
        var opened = await Load();
        await Editor.AddMilestoneAsync(opened.Id, new MilestoneForm { Kind = MilestoneKind.Review, Date = new DateOnly(2012, 4, 1) }, opened.Version);

        await Assert.ThrowsAsync<EditConflictException>(() => Editor.RecordEventAsync(opened.Id,
            new HistoryForm { Kind = PartnershipEventKind.Terminated, Date = new DateOnly(2012, 3, 31) }, opened.Version));
        await Assert.ThrowsAsync<EditConflictException>(() => Editor.AddMilestoneAsync(opened.Id,
            new MilestoneForm { Kind = MilestoneKind.Break, Date = new DateOnly(2012, 6, 1) }, opened.Version));

        var stored = await Load();
        Assert.Equal(opened.Events.Count, stored.Events.Count);
        var milestone = Assert.Single(stored.Milestones);
        Assert.Equal((MilestoneKind.Review, new DateOnly(2012, 4, 1)), (milestone.Kind, milestone.Date));
        // Removing the milestone from the page as it now stands works: the check is against what the page loaded.
        await Editor.RemoveMilestoneAsync(opened.Id, milestone.Id, stored.Version);
        Assert.Empty((await Load()).Milestones);
    }

    [Fact]
    public async Task TwoContexts_BothSave_DatabaseRefusesTheSecond()
    {
        // The editor checks the version it loads; this is the race that check cannot see, both loads happening
        // before either save, so the database's own check on the version column has to catch it.
        await using var first = Factory.CreateDbContext();
        await using var second = Factory.CreateDbContext();
        var mine = await first.Partnerships.SingleAsync(p => p.Code == Code);
        var theirs = await second.Partnerships.SingleAsync(p => p.Code == Code);
        mine.UpdateDetails("First person's name", mine.Kind, mine.LegalBasis, mine.Summary, mine.Source);
        theirs.UpdateDetails("Second person's name", theirs.Kind, theirs.LegalBasis, theirs.Summary, theirs.Source);

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var stored = await Load();
        Assert.Equal("First person's name", stored.Name);
        Assert.Equal(mine.Version, stored.Version);
        Assert.Equal(theirs.Version, stored.Version); // the refused save's bump was never written
    }
}

public sealed class PartnershipEditConflictTests_Sqlite : PartnershipEditConflictTests<SqliteTestDatabase>;

public sealed class PartnershipEditConflictTests_Postgres : PartnershipEditConflictTests<PostgresTestDatabase>;
