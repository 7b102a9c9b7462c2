using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>A tester opens their account, makes a calendar feed address, subscribes with it, and renews it.</summary>
public sealed class AccountJourneyTests(AppHost host) : BrowserJourney(host)
{
    private readonly string _baseUrl = host.BaseUrl;

    private async Task<HttpStatusCode> FetchAnonymouslyAsync(string address)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(address);
        return response.StatusCode;
    }

    private async Task<string> MakeFeedAsync()
    {
        await Page.Locator("#feed-make").ClickAsync();
        await Expect(Page.Locator("#feed-address")).ToBeVisibleAsync();
        return (await Page.Locator("#feed-address").TextContentAsync())!.Trim();
    }

    [Fact]
    public async Task Account_MakeAndRenewFeed_AddressWorksWithoutSigningIn()
    {
        await GoToAsync("/account");
        await Expect(Page.Locator("#account-name")).ToHaveTextAsync("Tester at IWC");
        await Expect(Page.Locator("#account-organisation")).ToHaveTextAsync("Isle of Wight Council");
        await Expect(Page.Locator("#account-roles")).ToHaveTextAsync("Administrator, Finance officer, Director, Board member");
        await CheckAccessibilityAsync("the account page");

        var address = await MakeFeedAsync();

        // On the app's own address (no PublicBaseUrl is set for this host), with a 43-character token.
        Assert.Matches(new Regex("^" + Regex.Escape(_baseUrl) + "/key-dates/feed/[A-Za-z0-9_-]{43}\\.ics$"), address);
        await Expect(Page.Locator("#feed-warning")).ToContainTextAsync("Anyone who has this address can read the key dates");
        await CheckAccessibilityAsync("the account page with a new feed address");
        await ScreenshotAsync("account-feed");
        Assert.Equal(HttpStatusCode.OK, await FetchAnonymouslyAsync(address));

        // At 320 px wide (a phone, or 1280 px at 400% zoom) the long address wraps: nothing scrolls sideways (WCAG 1.4.10).
        // Renewing asks first, then shows a new address; the old one answers 404 at once.
        await Page.SetViewportSizeAsync(320, 640);
        await GoToAsync("/account");
        await Expect(Page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Page.Locator("#feed-active")).ToBeVisibleAsync();
        await Page.Locator("#feed-renew").ClickAsync();
        await Expect(Page.Locator("#confirm-question")).ToContainTextAsync("The old address stops working at once");
        await CheckAccessibilityAsync("the renew question at 320 px");
        await Page.Locator("#confirm-action").ClickAsync();
        await Expect(Page.Locator("#feed-address")).ToBeVisibleAsync();
        var renewed = (await Page.Locator("#feed-address").TextContentAsync())!.Trim();
        Assert.NotEqual(address, renewed);
        var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"The account page is {width} px wide at a 320 px window: " + await Page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)" +
            ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className).join('; ')"));
        await CheckAccessibilityAsync("the account page with a renewed address at 320 px");
        await ScreenshotAsync("account-feed-320");
        Assert.Equal(HttpStatusCode.NotFound, await FetchAnonymouslyAsync(address));
        Assert.Equal(HttpStatusCode.OK, await FetchAnonymouslyAsync(renewed));
    }
}
