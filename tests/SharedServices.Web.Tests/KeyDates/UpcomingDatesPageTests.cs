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

        // 23 November 2026 + 90 days: 7 to 30 November, 31 + 31 to 31 January, 21 more: 21 February 2027.
        Assert.Equal("0 dates from 23 November 2026 to 21 February 2027", cut.TextOf("#key-dates-heading"));
        Assert.Equal("Nothing falls due in this period.", cut.TextOf("#key-dates-empty"));
        Assert.Empty(cut.FindAll("#key-dates-problem"));
    }

    [Fact]
    public void UpcomingDatesPage_AYearFromJune2024_ListsTheBuyBackMinimumTerm()
    {
        var cut = RenderAt("key-dates?asOf=2024-06-01&within=365");

        var row = Assert.Single(cut.FindAll("#key-dates-table tbody tr"));
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
        Assert.Equal("https://sharedservices.example.gov.uk/key-dates/calendar.ics", cut.TextOf("#calendar-address"));
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
        Assert.Equal("0 dates from 23 November 2026 to 21 February 2027", cut.TextOf("#key-dates-heading"));
    }
}
