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
        Assert.Contains("No partnership has an end date ahead.", cut.TextOf("#upcoming-ends"));
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
    public void DashboardPage_Today1January2015_ListsTheRecordedEndAhead()
    {
        Clock.Today = new DateOnly(2015, 1, 1);

        var cut = RenderLoaded();

        // On 1 January 2015 the education support term (to 31 August 2015) is still running, and the strategic
        // partnership's recorded termination (31 January 2024) is ahead.
        Assert.Equal(["31 August 2015", "31 January 2024"], DatesIn(cut, "upcoming-ends"));
        Assert.Contains("No partnership has ended yet.", cut.TextOf("#recent-ends"));
    }
}
