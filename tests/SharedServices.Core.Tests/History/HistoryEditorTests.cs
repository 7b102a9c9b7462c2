using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.History;

/// <summary>Recording what happens to an agreement, saved and read back through the real database.</summary>
public abstract class HistoryEditorTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private PartnershipEditor Editor => Get<PartnershipEditor>();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2026, 11, 23)));

    private async Task<Partnership> Load(string code) => (await Get<PartnershipDetails>().FindAsync(code))!;

    private async Task<int> OrganisationId(string code)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Organisations.SingleAsync(o => o.ShortCode == code)).Id;
    }

    [Fact]
    public async Task RecordEvent_NoticeByIsleOfWight_StoresComputedExitAndStatus()
    {
        var buyBack = await Load("iwc-hcc-buy-back");

        await Editor.RecordEventAsync(buyBack.Id, new HistoryForm
        {
            Kind = PartnershipEventKind.NoticeServed, Date = new DateOnly(2026, 11, 23), OrganisationId = await OrganisationId("IWC"),
            SourceDocument = "letter to HCC", SourceParagraph = "para 1",
        });

        var saved = await Load("iwc-hcc-buy-back");
        var notice = Assert.Single(saved.Events, e => e.Kind == PartnershipEventKind.NoticeServed);
        // 3 illustrative months from 23 November 2026 runs to 23 February 2027; the minimum term ended 4 March 2025.
        Assert.Equal(new DateOnly(2027, 2, 23), notice.ExitDate);
        Assert.Equal("IWC", notice.Organisation?.ShortCode);
        Assert.Equal("letter to HCC", notice.Source?.Document);
        Assert.Equal(new DateOnly(2027, 2, 23), saved.EndsOn);
        Assert.Equal(PartnershipStatus.InNotice, saved.StatusOn(new DateOnly(2026, 12, 1)));
        Assert.Equal(PartnershipStatus.Ended, saved.StatusOn(new DateOnly(2027, 2, 24)));
    }

    [Fact]
    public async Task RecordEvent_NoticeServedAfterToday_IsRefusedAndNothingSaved()
    {
        var buyBack = await Load("iwc-hcc-buy-back");
        var iwc = await OrganisationId("IWC");

        var error = await Assert.ThrowsAsync<DomainException>(() => Editor.RecordEventAsync(buyBack.Id, new HistoryForm
        {
            Kind = PartnershipEventKind.NoticeServed, Date = new DateOnly(2026, 11, 24), OrganisationId = iwc,
        }));

        Assert.StartsWith("Notice served on: 24 November 2026 is after today (23 November 2026).", error.Message);
        Assert.DoesNotContain((await Load("iwc-hcc-buy-back")).Events, e => e.Kind == PartnershipEventKind.NoticeServed);
    }

    [Fact]
    public async Task RecordEvent_TerminationLastDayAfterToday_IsRefused()
    {
        var buyBack = await Load("iwc-hcc-buy-back");

        var error = await Assert.ThrowsAsync<DomainException>(() => Editor.RecordEventAsync(buyBack.Id,
            new HistoryForm { Kind = PartnershipEventKind.Terminated, Date = new DateOnly(2027, 3, 31) }));

        Assert.Contains("record a variation that moves the end of the term", error.Message);
        Assert.Null((await Load("iwc-hcc-buy-back")).TerminatedOn);
    }

    [Fact]
    public async Task RecordEvent_ExitOverrideWithoutReason_ThrowsAndSavesNothing()
    {
        var buyBack = await Load("iwc-hcc-buy-back");

        var error = await Assert.ThrowsAsync<DomainException>(() => Editor.RecordEventAsync(buyBack.Id, new HistoryForm
        {
            Kind = PartnershipEventKind.NoticeServed, Date = new DateOnly(2026, 11, 23), OrganisationId = buyBack.Parties[0].OrganisationId,
            ExitDate = new DateOnly(2027, 3, 31),
        }));

        Assert.Contains("23 February 2027", error.Message);
        Assert.DoesNotContain((await Load("iwc-hcc-buy-back")).Events, e => e.Kind == PartnershipEventKind.NoticeServed);
    }

    [Fact]
    public async Task RecordEvent_NoticeWithoutParty_NamesTheField()
    {
        var buyBack = await Load("iwc-hcc-buy-back");

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.RecordEventAsync(buyBack.Id,
            new HistoryForm { Kind = PartnershipEventKind.NoticeServed, Date = new DateOnly(2026, 11, 23) }));

        Assert.Contains(error.Errors, e => e.PropertyName == nameof(HistoryForm.OrganisationId) && e.ErrorMessage == "Party serving notice: choose the party serving notice.");
    }

    [Fact]
    public async Task RecordEvent_ExtensionsOnAFixedTerm_MoveTheCurrentEndUntilTheOptionsRunOut()
    {
        var shared = await Load("halton-cwac-shared-service");
        await Editor.SaveTermAsync(shared.Id, new TermForm
        {
            StartDate = new DateOnly(2011, 1, 1), EndKind = TermEndKind.FixedDate, EndDate = new DateOnly(2013, 12, 31),
            ExtensionOptions = 2, ExtensionMonths = 12, TerminationFalls = TerminationFalls.AnyDay,
        });

        await Editor.RecordEventAsync(shared.Id, new HistoryForm { Kind = PartnershipEventKind.ExtensionExercised, Date = new DateOnly(2013, 10, 1) });
        await Editor.RecordEventAsync(shared.Id, new HistoryForm { Kind = PartnershipEventKind.ExtensionExercised, Date = new DateOnly(2014, 10, 1) });
        var third = await Assert.ThrowsAsync<DomainException>(() => Editor.RecordEventAsync(shared.Id,
            new HistoryForm { Kind = PartnershipEventKind.ExtensionExercised, Date = new DateOnly(2015, 10, 1) }));

        var saved = await Load("halton-cwac-shared-service");
        // 31 December 2013, then a year to 31 December 2014, then another to 31 December 2015.
        Assert.Equal(new DateOnly(2015, 12, 31), saved.CurrentTermEnd);
        Assert.Equal(new DateOnly(2015, 12, 31), saved.EndsOn);
        Assert.Equal("All 2 extension options have been exercised.", third.Message);
        Assert.Equal(PartnershipStatus.Active, saved.StatusOn(new DateOnly(2015, 6, 1)));
        Assert.Equal(PartnershipStatus.Ended, saved.StatusOn(new DateOnly(2016, 1, 1)));
    }

    [Fact]
    public async Task SaveTerm_ExtensionsWithoutTheirLength_NamesTheFieldAndSavesNothing()
    {
        var shared = await Load("halton-cwac-shared-service");

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveTermAsync(shared.Id, new TermForm
        {
            StartDate = new DateOnly(2011, 1, 1), EndKind = TermEndKind.OpenEnded, ExtensionOptions = 2, RenewalMonths = 12,
        }));

        Assert.Contains(error.Errors, e => e.PropertyName == nameof(TermForm.ExtensionMonths) && e.ErrorMessage == "Each extension (months): enter how many months each extension lasts.");
        Assert.Contains(error.Errors, e => e.PropertyName == nameof(TermForm.RenewalMonths));
        Assert.Equal(TermEndKind.NotStated, (await Load("halton-cwac-shared-service")).Term.EndKind);
    }

    [Fact]
    public async Task SaveTerm_RenewingYearly_ShowsAsRenewingWithNoEnd()
    {
        var shared = await Load("halton-cwac-shared-service");

        await Editor.SaveTermAsync(shared.Id, new TermForm
        {
            StartDate = new DateOnly(2011, 1, 1), EndKind = TermEndKind.FixedDate, EndDate = new DateOnly(2011, 12, 31), RenewalMonths = 12,
        });

        var saved = await Load("halton-cwac-shared-service");
        Assert.True(saved.Renews);
        Assert.Null(saved.EndsOn);
        // Renewals run 1 January to 31 December each year, so on 23 November 2026 the period ends 31 December 2026.
        Assert.Equal(new DateOnly(2026, 12, 31), saved.Schedule.PeriodEndOnOrAfter(new DateOnly(2026, 11, 23)));
        Assert.Equal(PartnershipStatus.Active, saved.StatusOn(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task RecordEvent_VariationMovingTheEnd_ThenRemoved_RestoresTheEnd()
    {
        var education = await Load("scc-iwc-education-support");
        await Editor.RecordEventAsync(education.Id, new HistoryForm
        {
            Kind = PartnershipEventKind.Variation, Date = new DateOnly(2015, 6, 1), NewEndDate = new DateOnly(2016, 8, 31),
            Description = "Extended for academic year 2015/16",
        });
        var varied = await Load("scc-iwc-education-support");
        Assert.Equal(new DateOnly(2016, 8, 31), varied.CurrentTermEnd);

        await Editor.RemoveEventAsync(education.Id, Assert.Single(varied.Events).Id);

        var restored = await Load("scc-iwc-education-support");
        Assert.Empty(restored.Events);
        Assert.Equal(new DateOnly(2015, 8, 31), restored.CurrentTermEnd);
        Assert.Equal(new DateOnly(2015, 8, 31), restored.EndsOn);
    }

    [Fact]
    public async Task RecordEvent_VariationWithoutDescription_NamesTheField()
    {
        var education = await Load("scc-iwc-education-support");

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.RecordEventAsync(education.Id,
            new HistoryForm { Kind = PartnershipEventKind.Variation, Date = new DateOnly(2015, 6, 1) }));

        Assert.Contains(error.Errors, e => e.PropertyName == nameof(HistoryForm.Description));
    }

    [Fact]
    public async Task RecordEvent_Termination_SetsTheEndAndBlocksLaterEvents()
    {
        var shared = await Load("halton-cwac-shared-service");
        await Editor.RecordEventAsync(shared.Id, new HistoryForm { Kind = PartnershipEventKind.Terminated, Date = new DateOnly(2019, 3, 31) });

        var notice = await Assert.ThrowsAsync<DomainException>(() => Editor.RecordEventAsync(shared.Id, new HistoryForm
        {
            Kind = PartnershipEventKind.Variation, Date = new DateOnly(2019, 5, 1), Description = "Too late",
        }));

        var saved = await Load("halton-cwac-shared-service");
        Assert.Equal(new DateOnly(2019, 3, 31), saved.TerminatedOn);
        Assert.Equal(PartnershipStatus.Terminated, saved.StatusOn(new DateOnly(2026, 11, 23)));
        Assert.Contains("31 March 2019", notice.Message);
    }

    [Fact]
    public async Task AddMilestone_ReviewDate_IsSavedAndRemovable()
    {
        var buyBack = await Load("iwc-hcc-buy-back");
        await Editor.AddMilestoneAsync(buyBack.Id, new MilestoneForm
        {
            Kind = MilestoneKind.Review, Date = new DateOnly(2027, 3, 31), Note = "Director of Children's Services review",
        });
        var saved = Assert.Single((await Load("iwc-hcc-buy-back")).Milestones);
        Assert.Equal((MilestoneKind.Review, new DateOnly(2027, 3, 31)), (saved.Kind, saved.Date));

        await Editor.RemoveMilestoneAsync(buyBack.Id, saved.Id);

        Assert.Empty((await Load("iwc-hcc-buy-back")).Milestones);
    }

    [Fact]
    public async Task AddMilestone_BeforeTheAgreementBegan_IsRefused()
    {
        var buyBack = await Load("iwc-hcc-buy-back");

        var error = await Assert.ThrowsAsync<DomainException>(() => Editor.AddMilestoneAsync(buyBack.Id,
            new MilestoneForm { Kind = MilestoneKind.Break, Date = new DateOnly(2024, 1, 1) }));

        Assert.Contains("5 March 2024", error.Message);
    }
}

public sealed class HistoryEditorTests_Sqlite : HistoryEditorTests<SqliteTestDatabase>;

public sealed class HistoryEditorTests_Postgres : HistoryEditorTests<PostgresTestDatabase>;
