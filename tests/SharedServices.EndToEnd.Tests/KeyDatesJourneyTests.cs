using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>A director checks what is coming up, looks at one agreement's timeline, asks "what if?" and takes the dates into Outlook.</summary>
public sealed class KeyDatesJourneyTests(AppHost host) : BrowserJourney(host)
{
    [Fact]
    public async Task Director_UpcomingDates_TimelineWhatIfAndCalendar()
    {
        await GoToAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Key dates", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/key-dates$"));
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#key-dates-heading")).ToContainTextAsync("from 23 November 2026 to 20 February 2027");
        // Nothing falls due: the page says that nothing comes later either, and which live partnerships have no end.
        await Expect(Page.Locator("#key-dates-next")).ToHaveTextAsync("No live partnership has a key date after 20 February 2027.");
        // Of the three live partnerships with no end date, only the buy-back is the Isle of Wight's.
        await Expect(Page.Locator("#key-dates-undated li")).ToHaveCountAsync(1);
        await CheckAccessibilityAsync("the key dates page");

        // Look back to mid-2024 for a year: the buy-back's minimum term ends on 4 March 2025.
        await Page.Locator("#key-dates-as-of").FillAsync("01/06/2024");
        await Page.Locator("#key-dates-as-of").PressAsync("Enter"); // a typed date is read on Enter or when the field is left
        await Expect(Page).ToHaveURLAsync(new Regex("asOf=2024-06-01"));
        await Page.Locator("#within-365").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("within=365"));
        await Expect(Page.Locator("#key-dates-heading")).ToContainTextAsync("3 dates from 1 June 2024 to 31 May 2025");
        // Each party's last day to give notice to leave when the minimum term ends, 4 December 2024, comes first.
        await Expect(Page.Locator("#key-dates-table tbody tr", new() { HasTextRegex = new Regex("^4 December 2024") })).ToHaveCountAsync(2);
        var row = Page.Locator("#key-dates-table tbody tr", new() { HasTextRegex = new Regex("^4 March 2025") });
        await Expect(row).ToContainTextAsync("Minimum term ends");
        await Expect(row).ToContainTextAsync("either party may leave on notice");
        await CheckAccessibilityAsync("the key dates page, a year from 1 June 2024");
        await ScreenshotAsync("key-dates");

        // The calendar file for the same view, as Outlook would fetch it.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#download-calendar").ClickAsync());
        var calendar = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("BEGIN:VCALENDAR", calendar);
        Assert.Contains("DTSTART;VALUE=DATE:20250304", calendar);
        Assert.Contains("TRIGGER:-P90D", calendar);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/partnerships/iwc-hcc-buy-back$"));
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#section-timeline svg[role='img']")).ToBeVisibleAsync();
        await Expect(Page.Locator("#section-history")).ToContainTextAsync("5 March 2024");
        await CheckAccessibilityAsync("the buy-back contract's page");

        // If the Isle of Wight served its (illustrative) three months' notice today, it would be out on 23 February 2027.
        await Page.Locator("#run-what-if").ClickAsync();
        await Expect(Page.Locator("#what-if-exit")).ToHaveTextAsync("23 February 2027");
        await Expect(Page.Locator("#what-if-commitment")).ToContainTextAsync("No charge schedules are recorded");
        await CheckAccessibilityAsync("the buy-back contract's page with the what-if answer");
        await ScreenshotAsync("partnership-timeline-what-if");
    }

    [Fact]
    public async Task KeyDates_BadAddress_ExplainsAndShowsToday()
    {
        await GoToAsync("/key-dates?asOf=31/12/2026&within=lots");

        await Expect(Page.Locator("#key-dates-problem")).ToContainTextAsync("'31/12/2026'");
        await Expect(Page.Locator("#key-dates-problem")).ToContainTextAsync("'lots'");
        await Expect(Page.Locator("#key-dates-heading")).ToContainTextAsync("from 23 November 2026");
        await CheckAccessibilityAsync("the key dates page with a bad address");
    }
}
