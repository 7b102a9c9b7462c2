using Bunit;
using SharedServices.Web.Components.Features.Dashboard;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Dashboard;

public sealed class DashboardPageTests : ComponentTestContext
{
    private IRenderedComponent<DashboardPage> RenderLoaded()
    {
        var cut = RenderPage<DashboardPage>();
        cut.WaitForAssertion(() => cut.Find("#total-partnerships"), Timeout);
        return cut;
    }

    /// <summary>The dates listed in one key-date list, in the order shown.</summary>
    private static IReadOnlyList<string> DatesIn(IRenderedComponent<DashboardPage> cut, string id) =>
        cut.FindAll($"#{id} tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    [Fact]
    public void DashboardPage_Today23November2026_ShowsTotalAndBothEndsAsRecent()
    {
        Clock.Today = new DateOnly(2026, 11, 23);

        var cut = RenderLoaded();

        Assert.Equal("5", cut.TextOf("#total-partnerships"));
        Assert.Equal(["31 January 2024", "31 August 2015"], DatesIn(cut, "recent-ends"));
        Assert.Contains("No live partnership has a key date ahead.", cut.TextOf("#next-key-dates"));
    }

    [Fact]
    public void DashboardPage_Today23November2026_CountsByStatus()
    {
        var cut = RenderLoaded();

        var text = cut.Text();
        Assert.Contains("Active: 2", text);
        Assert.Contains("Ended: 1", text);
        Assert.Contains("Terminated: 1", text);
        Assert.Contains("Proposed: 1", text);
    }

    [Fact]
    public void DashboardPage_Today1January2015_ListsTheNextKeyDatesOfEveryKind()
    {
        Clock.Today = new DateOnly(2015, 1, 1);

        var cut = RenderLoaded();

        // On 1 January 2015 the education support term (to 31 August 2015) and the strategic partnership's initial
        // term (to 30 June 2018; its 2024 termination is not yet recorded) are running. The buy-back's minimum term will
        // end on 4 March 2025, and each party's 3 months' notice to leave then is due by 4 December 2024.
        Assert.Equal(["31 August 2015", "30 June 2018", "4 December 2024", "4 December 2024", "4 March 2025"], DatesIn(cut, "next-key-dates"));
        Assert.Equal(["End of term", "End of term", "Latest notice date", "Latest notice date", "Minimum term ends"],
            cut.FindAll("#next-key-dates tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()));
        Assert.Contains("No partnership has ended yet.", cut.TextOf("#recent-ends"));
    }

    [Fact]
    public void DashboardPage_ThreeWithNoEndDate_ListsThemAllAndLinksToTheRegister()
    {
        var cut = RenderLoaded();

        // On 23 November 2026: the joint venture, the Halton shared service and the buy-back.
        Assert.Equal(3, cut.FindAll("#no-end-date tbody tr").Count);
        Assert.Equal("See all 3 in the register", cut.TextOf("#no-end-date-more"));
        Assert.Equal("/partnerships?ends=none", cut.Find("#no-end-date-all").GetAttribute("href"));
    }

    [Fact]
    public async Task DashboardPage_ManyWithNoEndDate_ListsTenAndCountsTheRest()
    {
        await KeyDates.KeyDatesPagerTests.AddProposalsAsync(Database, 9);

        var cut = RenderLoaded();

        // The seed's three and nine proposals: twelve, of which ten are listed, by name: the seed's three, then Zeta 1 to 7.
        Assert.Equal(["/partnerships/halton-warrington-school-improvement-jv", "/partnerships/halton-cwac-shared-service", "/partnerships/iwc-hcc-buy-back",
                .. Enumerable.Range(1, 7).Select(i => $"/partnerships/zeta-{i}")],
            cut.FindAll("#no-end-date tbody a").Select(a => a.GetAttribute("href")));
        Assert.Equal("…and 2 more. See all 12 in the register", cut.TextOf("#no-end-date-more"));
        Assert.Equal("/partnerships?ends=none", cut.Find("#no-end-date-all").GetAttribute("href"));
    }
}
