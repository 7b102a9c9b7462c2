using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class TimelinePanelTests : ComponentTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private async Task<Partnership> LoadAsync(string code) =>
        await Services.GetRequiredService<PartnershipDetails>().FindAsync(code)
        ?? throw new InvalidOperationException($"The seed data has no partnership {code}.");

    private static Partnership Build(Term term, params NoticePeriod[] notices)
    {
        var partnership = new Partnership("test-partnership", "Test partnership", PartnershipKind.SharedService,
            [new PartnershipParty(1, PartyRole.Provider), new PartnershipParty(2, PartyRole.Recipient)]);
        partnership.SetTerm(term, notices);
        return partnership;
    }

    // Four years to 31 March 2025 with two two-year extensions; the first exercised, so it now runs to 31 March 2027.
    private static Partnership Extended()
    {
        var partnership = Build(new Term(new DateOnly(2021, 4, 1), TermEndKind.FixedDate, new DateOnly(2025, 3, 31),
            extensionOptions: 2, extensionMonths: 24));
        partnership.ExerciseExtension(new DateOnly(2025, 1, 10), 2, null, null);
        return partnership;
    }

    private IRenderedComponent<TimelinePanel> RenderTimeline(Partnership partnership) =>
        Render<TimelinePanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(partnership, Today)));

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void TimelinePanel_ExtendedTerm_DrawsInitialAndExtensionBarsInDifferentColours()
    {
        var cut = RenderTimeline(Extended());

        var initial = cut.Find("#section-timeline svg .timeline-bar-initial");
        Assert.Equal("2021-04-01", initial.GetAttribute("data-start"));
        Assert.Equal("2025-03-31", initial.GetAttribute("data-end"));
        var extension = cut.Find("#section-timeline svg .timeline-bar-extension");
        Assert.Equal("2025-04-01", extension.GetAttribute("data-start"));
        Assert.Equal("2027-03-31", extension.GetAttribute("data-end"));
        Assert.NotEqual(initial.QuerySelector("rect")!.GetAttribute("fill"), extension.QuerySelector("rect")!.GetAttribute("fill"));
        Assert.Contains("Extension: 1 April 2025 to 31 March 2027", extension.QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void TimelinePanel_ActiveTerm_TodayLineFallsBetweenStartAndEnd()
    {
        var cut = RenderTimeline(Extended());

        var today = Number(cut.Find(".timeline-today"), "data-x");
        var initial = cut.Find(".timeline-bar-initial");
        var extension = cut.Find(".timeline-bar-extension");
        Assert.True(today > Number(initial, "data-x") + Number(initial, "data-width"), "Today (2026) is after the initial term.");
        Assert.True(today < Number(extension, "data-x") + Number(extension, "data-width"), "Today is before the extension ends.");
        Assert.Equal("Today", cut.Find(".timeline-today text").TextContent.Trim());
    }

    [Fact]
    public void TimelinePanel_YearsAlongTheAxis_LabelsEachYear()
    {
        var cut = RenderTimeline(Extended());

        var years = cut.FindAll(".timeline-year text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("2022", years);
        Assert.Contains("2027", years);
    }

    [Fact]
    public async Task TimelinePanel_TerminatedStrategicPartnership_SummarisesTermTerminationAndToday()
    {
        var cut = RenderTimeline(await LoadAsync("hcc-iwc-childrens-services"));

        const string summary = "Term from 1 July 2013 to 30 June 2018; terminated 31 January 2024; today 23 November 2026";
        var svg = cut.Find("#section-timeline svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(summary, svg.GetAttribute("aria-label"));
        Assert.Equal(summary, svg.QuerySelector("title")!.TextContent);
        var facts = cut.FindAll("ul.sr-only li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Initial term: 1 July 2013 to 30 June 2018", facts);
        Assert.Contains("Terminated: 31 January 2024", facts);
        Assert.Contains("Today: 23 November 2026", facts);
    }

    [Fact]
    public async Task TimelinePanel_TerminatedAfterItsTerm_DrawsTheRunOnAndNoNoticeWindow()
    {
        var cut = RenderTimeline(await LoadAsync("hcc-iwc-childrens-services"));

        var ranOn = cut.Find(".timeline-bar-ranon");
        Assert.Equal("2018-07-01", ranOn.GetAttribute("data-start"));
        Assert.Equal("2024-01-31", ranOn.GetAttribute("data-end"));
        Assert.Equal("2024-01-31", cut.Find(".timeline-marker").GetAttribute("data-date"));
        Assert.Empty(cut.FindAll(".timeline-notice-window"));
    }

    [Fact]
    public async Task TimelinePanel_StartNotStated_ShowsNoteInsteadOfBars()
    {
        var cut = RenderTimeline(await LoadAsync("halton-warrington-school-improvement-jv"));

        Assert.Equal("The start of the term is not stated in the source, so there is no timeline to draw.", cut.TextOf("#timeline-no-start"));
        Assert.Empty(cut.FindAll("svg[role=img]"));
        Assert.Empty(cut.FindAll(".timeline-bar"));
    }

    [Fact]
    public void TimelinePanel_StartNotStatedWithPredecessor_StillShowsTheChain()
    {
        var earlier = Build(new Term(new DateOnly(2015, 1, 1), TermEndKind.FixedDate, new DateOnly(2019, 12, 31)));
        var later = new Partnership("later-partnership", "Later partnership", PartnershipKind.BuyBackContract,
            [new PartnershipParty(1, PartyRole.Provider), new PartnershipParty(2, PartyRole.Recipient)]);
        later.SetPredecessor(earlier);

        var cut = RenderTimeline(later);

        Assert.NotNull(cut.Find("#timeline-no-start"));
        var link = cut.Find("#timeline-predecessor a");
        Assert.Equal("/partnerships/test-partnership", link.GetAttribute("href"));
        Assert.Equal("Test partnership", link.TextContent.Trim());
    }

    [Fact]
    public async Task TimelinePanel_BuyBack_LinksBackToThePartnershipItReplaced()
    {
        var cut = RenderTimeline(await LoadAsync("iwc-hcc-buy-back"));

        var link = cut.Find("#timeline-chain #timeline-predecessor a");
        Assert.Equal("/partnerships/hcc-iwc-childrens-services", link.GetAttribute("href"));
        Assert.StartsWith("Replaced:", cut.TextOf("#timeline-predecessor"));
        Assert.Empty(cut.FindAll("#timeline-successor"));
    }

    [Fact]
    public async Task TimelinePanel_StrategicPartnership_LinksOnToTheBuyBack()
    {
        var cut = RenderTimeline(await LoadAsync("hcc-iwc-childrens-services"));

        var link = cut.Find("#timeline-successor a");
        Assert.Equal("/partnerships/iwc-hcc-buy-back", link.GetAttribute("href"));
        Assert.Contains("Replaced by:", cut.TextOf("#timeline-successor"));
        Assert.Empty(cut.FindAll("#timeline-predecessor"));
    }

    [Fact]
    public async Task TimelinePanel_BuyBackBegunByDecision_DrawsAnOpenBarAndTheMinimumTermEnd()
    {
        var cut = RenderTimeline(await LoadAsync("iwc-hcc-buy-back"));

        var open = cut.Find(".timeline-bar-open");
        Assert.Equal("2024-03-05", open.GetAttribute("data-start"));
        Assert.True(string.IsNullOrEmpty(open.GetAttribute("data-end")));
        var tick = cut.Find(".timeline-tick");
        Assert.Equal("2025-03-04", tick.GetAttribute("data-date"));
        Assert.Equal("Minimum term ends", tick.QuerySelector("text")!.TextContent.Trim());
        Assert.Equal("Term from 5 March 2024, end not stated; today 23 November 2026", cut.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void TimelinePanel_RenewingTerm_DrawsRenewalsPastTodayAndTheNoticeWindow()
    {
        var partnership = Build(new Term(new DateOnly(2020, 4, 1), TermEndKind.FixedDate, new DateOnly(2023, 3, 31), renewalMonths: 12),
            new NoticePeriod(1, NoticeLength.Months(3), false, null), new NoticePeriod(2, NoticeLength.Months(3), false, null));

        var cut = RenderTimeline(partnership);

        // Renewals to the period running today (to 31 March 2027) and two more.
        var renewals = cut.FindAll(".timeline-bar-renewal");
        Assert.Equal(6, renewals.Count);
        Assert.Equal("2023-04-01", renewals[0].GetAttribute("data-start"));
        Assert.Equal("2029-03-31", renewals[^1].GetAttribute("data-end"));
        Assert.Equal("5 3", renewals[0].QuerySelector("rect")!.GetAttribute("stroke-dasharray"));
        var window = cut.Find(".timeline-notice-window");
        Assert.Equal("2026-12-31", window.GetAttribute("data-start"));
        Assert.Equal("2027-03-31", window.GetAttribute("data-end"));
        Assert.Equal("url(#timeline-notice-hatch)", window.QuerySelector("rect")!.GetAttribute("fill"));
        Assert.Contains("Notice window for Party 1 and Party 2: serve notice by 31 December 2026 to end the agreement on 31 March 2027",
            cut.FindAll("ul.sr-only li").Select(li => li.TextContent.Trim()));
        Assert.StartsWith("Term from 1 April 2020 to 31 March 2023; renews for 1 year at a time", cut.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void TimelinePanel_NoticeServedAndBreakDate_MarksServedExitAndBreak()
    {
        var partnership = Build(new Term(new DateOnly(2022, 1, 1), TermEndKind.OpenEnded),
            new NoticePeriod(1, NoticeLength.Months(6), false, null));
        partnership.AddMilestone(new Milestone(MilestoneKind.Break, new DateOnly(2025, 12, 31), null, null));
        partnership.ServeNotice(1, new DateOnly(2026, 9, 1), null, null, null, null);

        var cut = RenderTimeline(partnership);

        var markers = cut.FindAll(".timeline-marker").Select(m => (m.GetAttribute("data-date"), m.QuerySelector("text")!.TextContent.Trim())).ToList();
        Assert.Contains(("2026-09-01", "Notice served"), markers);
        Assert.Contains(("2027-03-01", "Exit after notice"), markers);
        Assert.Equal("Break date", cut.Find(".timeline-tick text").TextContent.Trim());
        Assert.Empty(cut.FindAll(".timeline-notice-window"));
        Assert.Equal("2027-03-01", cut.Find(".timeline-bar-open").GetAttribute("data-end"));
        Assert.Equal("Term from 1 January 2022, open-ended; notice served 1 September 2026, exit 1 March 2027; today 23 November 2026",
            cut.Find("svg").GetAttribute("aria-label"));
    }
}
