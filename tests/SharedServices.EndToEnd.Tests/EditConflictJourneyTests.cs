using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>Two officers edit the same partnership at once, each in their own browser.</summary>
public sealed class EditConflictJourneyTests : BrowserJourney
{
    private readonly AppHost _host;

    public EditConflictJourneyTests(AppHost host) : base(host) => _host = host;

    private const string PartnershipAddress = "/partnerships/scc-iwc-education-support";

    [Fact]
    public async Task TwoBrowsersEditOnePartnership_SecondSaveRefusedAndFirstPersonsNameKept()
    {
        // The second officer, whose save will be refused, uses the journey's own browser context...
        await GoToAsync(PartnershipAddress + "/edit");
        // ...and the first officer a separate context (own cookies and circuit), as a colleague elsewhere would.
        await using var firstContext = await _host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _host.BaseUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        firstContext.SetDefaultTimeout(15_000);
        // The first officer is the Isle of Wight's director (a demo account); the second the Isle of Wight's tester.
        await firstContext.AddCookiesAsync(await _host.CookiesForAccountAsync("director@iwc.example", SharedServices.Core.Access.DemoUsers.Password));
        var first = await firstContext.NewPageAsync();
        await first.GotoAsync(PartnershipAddress + "/edit");
        await first.Locator("#app-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        await first.Locator("#partnership-name").FillAsync("Education support (first officer)");
        await first.Locator("#save-partnership").ClickAsync();
        await Expect(first).ToHaveURLAsync(new Regex(PartnershipAddress + "$"));

        await Page.Locator("#partnership-name").FillAsync("Education support (second officer)");
        await Page.Locator("#save-partnership").ClickAsync();

        var refusal = Page.Locator("#edit-conflict");
        await Expect(refusal).ToContainTextAsync("This partnership was changed by someone else since you opened it. Nothing was saved.");
        await Expect(Page).ToHaveURLAsync(new Regex("/edit$"));
        await CheckAccessibilityAsync("the partnership form after a refused save");
        await ScreenshotAsync("edit-conflict");

        // What is stored is the first officer's name: the partnership page, loaded afresh, shows it.
        await first.GotoAsync(PartnershipAddress);
        await Expect(first.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Education support (first officer)");

        // Reloading puts the stored values into the second officer's form, and the refusal goes.
        await Page.Locator("#reload-after-conflict").ClickAsync();
        await Expect(Page.Locator("#partnership-name")).ToHaveValueAsync("Education support (first officer)");
        await Expect(refusal).ToHaveCountAsync(0);
    }
}
