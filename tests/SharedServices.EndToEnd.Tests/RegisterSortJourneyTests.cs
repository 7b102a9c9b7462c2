using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

public sealed class RegisterSortJourneyTests(AppHost host) : BrowserJourney(host)
{
    [Fact]
    public async Task Register_ClickEndHeading_ListsByEndDateEarliestFirst()
    {
        await GoToAsync("/partnerships");
        var firstLinks = Page.Locator("#partnership-register tbody tr td:first-child a");
        // The Isle of Wight's three (Halton's two are not theirs to see).
        await Expect(firstLinks).ToHaveCountAsync(3);

        await Page.Locator("#partnership-register th .sortable-column-header", new() { HasText = "End" }).ClickAsync();

        // Ends: 31 August 2015, 31 January 2024, then the buy-back, which has no end date.
        await Expect(firstLinks.First).ToHaveAttributeAsync("href", "/partnerships/scc-iwc-education-support");
        await Expect(firstLinks.Nth(1)).ToHaveAttributeAsync("href", "/partnerships/hcc-iwc-childrens-services");
        await CheckAccessibilityAsync("the register sorted by end date");
    }
}
