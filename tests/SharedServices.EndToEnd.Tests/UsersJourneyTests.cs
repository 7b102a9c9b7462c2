using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>The People page in a real browser, as the Isle of Wight's tester (who holds the Administrator role).</summary>
public sealed class UsersJourneyTests(AppHost host) : BrowserJourney(host)
{
    [Fact]
    public async Task People_page_at_320_pixels_lists_the_councils_people_without_sideways_scroll_and_passes_axe()
    {
        await Page.SetViewportSizeAsync(320, 640);
        await GoToAsync("/admin/users");

        await Expect(Page.Locator("h1")).ToHaveTextAsync("People of Isle of Wight Council");
        await Expect(Page.Locator("#people tbody tr").First).ToBeVisibleAsync();
        // Only the Isle of Wight's people: no Halton address anywhere on the page.
        Assert.DoesNotContain("halton", (await Page.Locator("#people").InnerTextAsync()).ToLowerInvariant());
        var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"The People page is {width} px wide at a 320 px window.");
        await ScreenshotAsync("people-320");
        await CheckAccessibilityAsync("the People page at 320 px");

        // An empty form's error summary is checked too.
        await Page.Locator("#add-person").ClickAsync();
        await Expect(Page.Locator("#add-person-errors")).ToContainTextAsync("Name: enter the person's name.");
        await CheckAccessibilityAsync("the People page's error summary at 320 px");
    }
}
