using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

public sealed class DirectorJourneyTests(AppHost host) : BrowserJourney(host)
{
    [Fact]
    public async Task Dashboard_RecentEnds_LeadToPartnershipAndItsOrganisations()
    {
        await GoToAsync("/");
        await Expect(Page.Locator("#total-partnerships")).ToHaveTextAsync("3"); // the Isle of Wight's three
        await Expect(Page.Locator("#recent-ends")).ToContainTextAsync("31 January 2024");
        await Expect(Page.Locator("#recent-ends")).ToContainTextAsync("31 August 2015");
        await Expect(Page.Locator("#no-end-date tbody tr")).ToHaveCountAsync(1); // live, but no date to plan around: of the Isle of Wight's, only the buy-back
        await Expect(Page.Locator("#next-key-dates")).ToContainTextAsync("No live partnership has a key date ahead.");
        await CheckAccessibilityAsync("the dashboard");
        await ScreenshotAsync("dashboard");

        await Page.Locator("#recent-ends a", new() { HasText = "strategic partnership" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/partnerships/hcc-iwc-childrens-services$"));
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#term-termination")).ToHaveTextAsync("at any time");

        await Page.Locator("#section-parties a", new() { HasText = "Isle of Wight Council" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/organisations/IWC$"));
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#organisation-partnerships tbody tr")).ToHaveCountAsync(3);
        await CheckAccessibilityAsync("the Isle of Wight Council page");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Organisations", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#organisation-list tbody tr")).ToHaveCountAsync(8);
        await CheckAccessibilityAsync("the organisations list");
    }

    [Fact]
    public async Task Dashboard_NoEndDate_LinksToTheRegisterListingThemAll()
    {
        await GoToAsync("/");
        await Expect(Page.Locator("#no-end-date-more")).ToHaveTextAsync("See all 1 in the register");

        await Page.Locator("#no-end-date-all").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/partnerships\\?ends=none$"));
        await WaitUntilLiveAsync();
        // Of the Isle of Wight's three, the buy-back alone is live with no end date.
        await Expect(Page.Locator("#partnership-register tbody a[href^='/partnerships/']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#partnership-register tbody")).ToContainTextAsync("commissioned buy-back");
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Only live partnerships with no end date" })).ToBeCheckedAsync();
        await CheckAccessibilityAsync("the register, live partnerships with no end date");
    }

    [Fact]
    public async Task Register_UnknownPartnershipAddress_ShowsNotFound()
    {
        await GoToAsync("/partnerships/no-such-agreement");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Partnership not found" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync("the partnership-not-found page");
    }
}
