using Microsoft.EntityFrameworkCore;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;

namespace SharedServices.Core.Tests.KeyDates;

public abstract class NoticeWhatIfTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private NoticeWhatIf WhatIf => Get<NoticeWhatIf>();

    [Fact]
    public async Task Ask_IsleOfWightOnTheBuyBack_GivesExitAndSaysThereAreNoSchedules()
    {
        var answer = await WhatIf.AskAsync("iwc-hcc-buy-back", "iwc", new DateOnly(2026, 11, 23));

        Assert.Null(answer.Problem);
        Assert.Equal(new DateOnly(2027, 2, 23), answer.Estimate?.ExitDate);
        Assert.True(answer.NoticeIsIllustrative);
        Assert.Equal(NoticeWhatIf.NoSchedules, answer.Commitment);
        // The buy-back has no end of term, so there is no end-of-term deadline to give.
        Assert.Null(answer.Deadline?.LatestServiceDate);
    }

    [Fact]
    public async Task Ask_ServedDuringTheMinimumTerm_ExitsWhenItEnds()
    {
        var answer = await WhatIf.AskAsync("iwc-hcc-buy-back", "HCC", new DateOnly(2024, 4, 1));

        // 3 months from 1 April 2024 is 1 July 2024, but the minimum term runs to 4 March 2025.
        Assert.Equal(new DateOnly(2025, 3, 4), answer.Estimate?.ExitDate);
        Assert.Contains(answer.Estimate!.Reasons, r => r.Contains("minimum term runs to 4 March 2025"));
    }

    [Fact]
    public async Task Ask_NoticeNotStated_ExplainsWhy()
    {
        var answer = await WhatIf.AskAsync("hcc-iwc-childrens-services", "HCC", new DateOnly(2017, 1, 1));

        Assert.Null(answer.Estimate);
        Assert.Contains("not stated in the sources", answer.Problem);
    }

    [Fact]
    public async Task Ask_AfterTheAgreementEnded_SaysSo()
    {
        var answer = await WhatIf.AskAsync("hcc-iwc-childrens-services", "HCC", new DateOnly(2025, 1, 1));

        Assert.Contains("already ended", answer.Problem);
    }

    [Fact]
    public async Task Ask_DuringTheMinimumTerm_GivesTheLatestNoticeDateToLeaveWhenItEnds()
    {
        var answer = await WhatIf.AskAsync("iwc-hcc-buy-back", "IWC", new DateOnly(2024, 6, 1));

        // Minimum term 5 March 2024 to 4 March 2025; 3 months from 4 December 2024 reaches 4 March 2025.
        Assert.Equal((new DateOnly(2024, 12, 4), new DateOnly(2025, 3, 4)), (answer.MinimumTermDeadline?.LatestServiceDate, answer.MinimumTermDeadline?.ExitDate));
    }

    [Fact]
    public async Task Ask_ServedBeforeTheAgreementBegan_IsRefused()
    {
        var error = await Assert.ThrowsAsync<WhatIfDateException>(() => WhatIf.AskAsync("iwc-hcc-buy-back", "IWC", new DateOnly(2024, 3, 4)));

        Assert.Equal("Notice cannot be served on 4 March 2024: the agreement began on 5 March 2024. Choose a day on or after it.", error.Message);
    }

    [Fact]
    public async Task Ask_NoticeAlreadyRecorded_ShowsTheRecordedExitInsteadOfWorkingOneOut()
    {
        await using (var db = Factory.CreateDbContext())
        {
            var buyBack = await db.Partnerships.Include(p => p.Parties).ThenInclude(p => p.Organisation).Include(p => p.NoticePeriods)
                .Include(p => p.Events).SingleAsync(p => p.Code == "iwc-hcc-buy-back");
            var hcc = buyBack.Parties.Single(p => p.Organisation!.ShortCode == "HCC").OrganisationId;
            buyBack.ServeNotice(hcc, new DateOnly(2026, 1, 15), new DateOnly(2026, 6, 30), "Agreed by both councils", null, null);
            await db.SaveChangesAsync();
        }

        var answer = await WhatIf.AskAsync("iwc-hcc-buy-back", "HCC", new DateOnly(2026, 11, 23));

        Assert.Null(answer.Estimate);
        Assert.Equal((new DateOnly(2026, 1, 15), new DateOnly(2026, 6, 30), true), (answer.Recorded?.ServedOn, answer.Recorded?.ExitDate, answer.Recorded?.ByThisParty));
        Assert.Equal("This party served notice on 15 January 2026, as recorded in the history: the agreement ends on 30 June 2026 (exit date set by hand: Agreed by both councils).",
            answer.Recorded?.Text);
    }

    [Fact]
    public async Task Ask_NotAParty_ListsTheParties()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => WhatIf.AskAsync("iwc-hcc-buy-back", "SCC", new DateOnly(2026, 11, 23)));
        Assert.Contains("'SCC' is not a party", error.Message);
        Assert.Contains("IWC", error.Message);
    }

    [Fact]
    public async Task Ask_UnknownPartnership_SaysSo()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => WhatIf.AskAsync("no-such-thing", "IWC", new DateOnly(2026, 11, 23)));
        Assert.Equal("There is no partnership with the code 'no-such-thing'.", error.Message);
    }
}

public sealed class NoticeWhatIfTests_Sqlite : NoticeWhatIfTests<SqliteTestDatabase>;

public sealed class NoticeWhatIfTests_Postgres : NoticeWhatIfTests<PostgresTestDatabase>;
