using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Web.Components.Features.KeyDates;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.KeyDates;

public sealed class UpcomingDatesPageTests : ComponentTestContext
{
    private IRenderedComponent<UpcomingDatesPage> RenderAt(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = RenderPage<UpcomingDatesPage>();
        cut.WaitForAssertion(() => cut.Find("#key-dates-heading"), Timeout);
        return cut;
    }

    [Fact]
    public void UpcomingDatesPage_Today_SaysNothingFallsDueInTheNext90Days()
    {
        var cut = RenderAt("key-dates");

        // 90 days counting 23 November 2026: 8 in November, 31 + 31 to 31 January, 20 more: 20 February 2027.
        Assert.Equal("0 dates from 23 November 2026 to 20 February 2027", cut.TextOf("#key-dates-heading"));
        Assert.StartsWith("Nothing falls due in this period.", cut.TextOf("#key-dates-empty"));
        Assert.Equal("No live partnership has a key date after 20 February 2027.", cut.TextOf("#key-dates-next"));
        Assert.Equal(["/partnerships/halton-warrington-school-improvement-jv", "/partnerships/halton-cwac-shared-service", "/partnerships/iwc-hcc-buy-back"],
            cut.FindAll("#key-dates-undated a").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.FindAll("#key-dates-problem"));
    }

    [Fact]
    public void UpcomingDatesPage_AYearFromJune2024_ListsTheBuyBackMinimumTerm()
    {
        var cut = RenderAt("key-dates?asOf=2024-06-01&within=365");

        var rows = cut.FindAll("#key-dates-table tbody tr");
        // Each party's last day to give 3 months' notice to leave when the minimum term ends, then its end.
        Assert.Equal(["4 December 2024", "4 December 2024", "4 March 2025"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.All(rows.Take(2), r => Assert.StartsWith("Latest notice date", r.QuerySelectorAll("td")[2].TextContent.Trim()));
        var row = rows[2];
        Assert.Contains("urgency-later", row.ClassName);
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("4 March 2025", cells[0]);
        // 1 June 2024 to 4 March 2025: 29 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 4 = 276 days.
        Assert.Equal("in 276 days", cells[1]);
        Assert.StartsWith("Minimum term ends", cells[2]);
        Assert.Contains("commissioned buy-back", cells[3]);
        Assert.Equal("The agreement continues; from now on either party may leave on notice.", cells[4]);
        Assert.Equal("/partnerships/iwc-hcc-buy-back", row.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void UpcomingDatesPage_Downloads_CarryTheChosenPeriod()
    {
        var cut = RenderAt("key-dates?asOf=2024-06-01&within=180");

        Assert.Equal("/key-dates/workbook.xlsx?asOf=2024-06-01&within=180", cut.Find("#download-workbook").GetAttribute("href"));
        Assert.Equal("/key-dates/calendar.ics?asOf=2024-06-01&within=365", cut.Find("#download-calendar").GetAttribute("href"));
        // Subscribing needs a personal feed address (calendar programs cannot sign in): the page sends people to make one.
        Assert.Equal("/account#calendar-feed", cut.Find("#calendar-account-link").GetAttribute("href"));
        Assert.Empty(cut.FindAll("#calendar-address"));
    }

    [Theory]
    [InlineData("key-dates?asOf=2024-13-01", "as-of date of '2024-13-01', which is not a date")]
    [InlineData("key-dates?asOf=9999-12-31", "as-of date of '9999-12-31', which is not a date from 1900 to 2999")]
    [InlineData("key-dates?within=0", "'0' days ahead")]
    [InlineData("key-dates?within=ninety", "'ninety' days ahead")]
    public void UpcomingDatesPage_BadAddress_ExplainsAndFallsBack(string address, string expected)
    {
        var cut = RenderAt(address);

        Assert.Contains(expected, cut.TextOf("#key-dates-problem"));
        Assert.Equal("0 dates from 23 November 2026 to 20 February 2027", cut.TextOf("#key-dates-heading"));
    }

    [Fact]
    public void UpcomingDatesPage_EmptyWindow_SaysWhenTheNextKeyDateFallsAndLinksToIt()
    {
        var cut = RenderAt("key-dates?asOf=2024-06-01&within=30");

        Assert.StartsWith("The next key date after it is 4 December 2024", cut.TextOf("#key-dates-next"));
        // 1 June to 4 December 2024 is 29 + 31 + 31 + 30 + 31 + 30 + 4 = 186 days later: the 187th day counting 1 June.
        Assert.Equal("/key-dates?asOf=2024-06-01&within=187", cut.Find("#key-dates-show-next").GetAttribute("href"));
    }

    [Fact]
    public void UpcomingDatesPage_AsOf1January2018_ShowsHampshireIsleOfWightsInitialTermEnd()
    {
        var cut = RenderAt("key-dates?asOf=2018-01-01&within=365");

        var row = Assert.Single(cut.FindAll("#key-dates-table tbody tr"));
        Assert.Equal("30 June 2018", row.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("/partnerships/hcc-iwc-childrens-services", row.QuerySelector("a")?.GetAttribute("href"));
    }
}
