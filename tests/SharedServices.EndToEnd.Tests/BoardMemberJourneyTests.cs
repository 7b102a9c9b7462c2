using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

public sealed class BoardMemberJourneyTests(AppHost host) : BrowserJourney(host)
{
    [Fact]
    public async Task Register_SearchIsleOfWight_OpensStrategicPartnershipWithTermAndSuccessor()
    {
        await GoToAsync("/partnerships");
        var rows = Page.Locator("#partnership-register tbody tr");
        // The Isle of Wight's tester sees the Isle of Wight's three partnerships, not Halton's two.
        await Expect(rows).ToHaveCountAsync(3);
        await CheckAccessibilityAsync("the partnerships register");

        await Page.Locator("#register-search").FillAsync("Isle of Wight");
        await Expect(rows).ToHaveCountAsync(3);
        await ScreenshotAsync("register-search");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Hampshire County Council and Isle of Wight Council: strategic partnership for children's services" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/partnerships/hcc-iwc-childrens-services$"));
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#term-start")).ToHaveTextAsync("1 July 2013");
        await Expect(Page.Locator("#term-end")).ToHaveTextAsync("up to 5 years (initial term to 30 June 2018)");
        await Expect(Page.Locator("#ended-on")).ToHaveTextAsync("31 January 2024");
        await Expect(Page.Locator("#section-term .notice-period").First).ToContainTextAsync("not stated in source");
        await Expect(Page.Locator("#successor")).ToContainTextAsync("commissioned buy-back children's services");
        await Expect(Page.Locator("#section-governance")).ToContainTextAsync("Joint Operational Board");
        await CheckAccessibilityAsync("the strategic partnership page");
        await ScreenshotAsync("partnership-hcc-iwc");

        await Page.Locator("#successor a").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/partnerships/iwc-hcc-buy-back$"));
        await Expect(Page.Locator("#section-term .illustrative").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#predecessor")).ToContainTextAsync("strategic partnership for children's services");
        await CheckAccessibilityAsync("the buy-back partnership page");
    }
}
