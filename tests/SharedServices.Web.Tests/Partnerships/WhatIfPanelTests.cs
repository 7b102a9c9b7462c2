using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class WhatIfPanelTests : ComponentTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Partnership Build(Term term, params NoticePeriod[] notices)
    {
        var partnership = new Partnership("test-partnership", "Test partnership", PartnershipKind.SharedService,
            [new PartnershipParty(1, PartyRole.Provider), new PartnershipParty(2, PartyRole.Recipient)]);
        partnership.SetTerm(term, notices);
        return partnership;
    }

    private static Partnership OpenEnded(params NoticePeriod[] notices) =>
        Build(new Term(new DateOnly(2020, 1, 1), TermEndKind.OpenEnded), notices);

    private IRenderedComponent<WhatIfPanel> RenderWhatIf(Partnership partnership) =>
        RenderPage<WhatIfPanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(partnership, Today)).Add(x => x.Today, Today)
            .Add(x => x.Load, () => Task.FromResult<Partnership?>(partnership)));

    private static async Task WorkItOut(IRenderedComponent<WhatIfPanel> cut) =>
        await cut.Find("#run-what-if").ClickAsync(new MouseEventArgs());

    [Fact]
    public async Task WhatIfPanel_ThreeMonthsOnOpenEndedTerm_ExitsThreeMonthsLater()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null)));

        await WorkItOut(cut);

        Assert.Equal("23 February 2027", cut.TextOf("#what-if-exit"));
        Assert.Equal(["3 months notice served on 23 November 2026 runs to 23 February 2027."],
            cut.FindAll("#what-if-reasons li").Select(li => li.TextContent.Trim()));
        Assert.Empty(cut.FindAll("#what-if-problem"));
        Assert.Empty(cut.FindAll(".illustrative"));
        Assert.Equal("none", cut.TextOf("#what-if-deadline"));
        Assert.Equal("The current term has no end date, so there is no end of term to give notice for.", cut.TextOf("#what-if-deadline-explanation"));
    }

    [Fact]
    public void WhatIfPanel_BeforeWorkingItOut_ShowsNoAnswerAndDefaultsToToday()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null)));

        Assert.Empty(cut.FindAll("#what-if-exit"));
        Assert.Equal("23/11/2026", cut.InputFor("what-if-served-on").GetAttribute("value"));
        Assert.Equal("Work it out", cut.TextOf("#run-what-if"));
    }

    [Fact]
    public async Task WhatIfPanel_AnotherDay_WorksFromThatDay()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null)));

        await cut.InputFor("what-if-served-on").ChangeAsync(new() { Value = "2027-01-31" });
        await WorkItOut(cut);

        Assert.Equal("30 April 2027", cut.TextOf("#what-if-exit"));
    }

    [Fact]
    public async Task WhatIfPanel_MinimumTermNotYetRun_ExitsAtItsEndAndSaysWhy()
    {
        var partnership = Build(new Term(new DateOnly(2025, 1, 1), TermEndKind.OpenEnded, minimumTermMonths: 36),
            new NoticePeriod(1, NoticeLength.Months(3), false, null));
        var cut = RenderWhatIf(partnership);

        await WorkItOut(cut);

        Assert.Equal("31 December 2027", cut.TextOf("#what-if-exit"));
        Assert.Contains("The minimum term runs to 31 December 2027, so the agreement cannot end before then.",
            cut.FindAll("#what-if-reasons li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task WhatIfPanel_NoticeNotStated_ShowsTheProblemAndNoExit()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, null, false, null), new NoticePeriod(2, null, false, null)));

        await WorkItOut(cut);

        var problem = cut.Find("#what-if-problem");
        Assert.Contains("mud-alert", problem.ClassList);
        Assert.Contains("notice period is not stated in the sources, so the exit date cannot be worked out", problem.TextContent);
        Assert.Empty(cut.FindAll("#what-if-exit"));
    }

    [Fact]
    public async Task WhatIfPanel_AnyAnswer_StatesTheCommitmentCannotYetBeWorkedOut()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null)));

        await WorkItOut(cut);

        Assert.Equal(NoticeWhatIf.NoSchedules, cut.TextOf("#what-if-commitment"));
    }

    [Fact]
    public void WhatIfPanel_FirstPartyHasNoStatedNotice_DefaultsToTheOneThatHas()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, null, false, null), new NoticePeriod(2, NoticeLength.Months(6), false, null)));

        Assert.Equal("2", cut.Find("select#what-if-party").GetAttribute("value"));
        Assert.Equal("Party serving notice", cut.TextOf("label[for=what-if-party]"));
    }

    [Fact]
    public async Task WhatIfPanel_ChoosingAnotherParty_UsesThatPartysNotice()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null), new NoticePeriod(2, NoticeLength.Months(6), false, null)));

        await cut.Find("select#what-if-party").ChangeAsync(new ChangeEventArgs { Value = "2" });
        await WorkItOut(cut);

        Assert.Equal("23 May 2027", cut.TextOf("#what-if-exit"));
    }

    [Fact]
    public async Task WhatIfPanel_IllustrativeNotice_ShowsTheBadgeAndTheMinimumTermHasRun()
    {
        var buyBack = await Services.GetRequiredService<PartnershipDetails>().FindAsync("iwc-hcc-buy-back")
            ?? throw new InvalidOperationException("The seed data has no buy-back contract.");
        var cut = RenderWhatIf(buyBack);

        await WorkItOut(cut);

        Assert.Equal("23 February 2027", cut.TextOf("#what-if-exit"));
        Assert.NotNull(cut.Find("#what-if-notice .illustrative"));
    }
    [Fact]
    public async Task WhatIfPanel_DuringTheMinimumTerm_ShowsTheLatestNoticeDateToLeaveWhenItEnds()
    {
        // Minimum 36 months from 1 January 2025: last day 31 December 2027. 3 months from 30 September 2027 runs to
        // 30 December, in time; from 1 October it runs to 1 January 2028, too late. So serve by 30 September 2027.
        var partnership = Build(new Term(new DateOnly(2025, 1, 1), TermEndKind.OpenEnded, minimumTermMonths: 36),
            new NoticePeriod(1, NoticeLength.Months(3), false, null));
        var cut = RenderWhatIf(partnership);

        await WorkItOut(cut);

        Assert.Equal("30 September 2027", cut.TextOf("#what-if-minimum-deadline"));
    }

    [Fact]
    public async Task WhatIfPanel_NoticeAlreadyRecorded_SaysSoAndShowsTheRecordedExit()
    {
        var partnership = OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null));
        partnership.ServeNotice(1, new DateOnly(2026, 10, 1), new DateOnly(2027, 3, 31), "Agreed at the year end", null, null);
        var cut = RenderWhatIf(partnership);

        await WorkItOut(cut);

        // Not 23 February 2027 (three months from today): the recorded exit stands.
        Assert.Equal("31 March 2027", cut.TextOf("#what-if-exit"));
        Assert.Contains("This party served notice on 1 October 2026", cut.TextOf("#what-if-recorded"));
        Assert.Empty(cut.FindAll("#what-if-reasons"));
    }

    [Fact]
    public async Task WhatIfPanel_UnreadableServedOnAfterAGoodAnswer_SaysWhatIsWrongInsteadOfAnsweringForTheOldDate()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null)));
        await cut.InputFor("what-if-served-on").ChangeAsync(new() { Value = "23/11/2026" });
        await WorkItOut(cut);
        Assert.NotEmpty(cut.FindAll("#what-if-exit"));

        await cut.InputFor("what-if-served-on").ChangeAsync(new() { Value = "31/04/2025" });
        await WorkItOut(cut);

        Assert.Empty(cut.FindAll("#what-if-exit"));
        Assert.Equal("Notice served on: April 2025 has 30 days, so there is no day 31.", cut.TextOf("#what-if-refused"));
    }

    [Fact]
    public async Task WhatIfPanel_ServedBeforeTheAgreementBegan_IsRefused()
    {
        var cut = RenderWhatIf(OpenEnded(new NoticePeriod(1, NoticeLength.Months(3), false, null)));

        await cut.InputFor("what-if-served-on").ChangeAsync(new() { Value = "2019-12-31" });
        await WorkItOut(cut);

        Assert.Equal("Notice served on: Notice cannot be served on 31 December 2019: the agreement began on 1 January 2020. Choose a day on or after it.",
            cut.TextOf("#what-if-refused"));
        Assert.Empty(cut.FindAll("#what-if-exit"));
    }
}
