using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// A finance officer records a council's address and bank details on a phone-width window (320 px, WCAG 1.4.10),
/// moving between the fields with the keyboard; a mistyped sort code is named beside its field.
/// </summary>
public sealed class InvoicingDetailsJourneyTests(AppHost host) : BrowserJourney(host)
{
    // Only an organisation's own people may change its record, so Cheshire West's tester keeps Cheshire West's details.
    protected override string Council => "CWAC";

    private async Task AssertNoSidewaysScrollAsync(string name) =>
        Assert.True(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 320, $"The {name} scrolls sideways at 320 px.");

    [Fact]
    public async Task EditOrganisation_At320Pixels_BadSortCodeNamedThenFixed_DetailsShownOnItsPage()
    {
        await Page.SetViewportSizeAsync(320, 640);
        await GoToAsync("/organisations/CWAC/edit");

        await Page.Locator("#organisation-address").FillAsync("Civic Offices\nBlacon Avenue");
        // From the postcode, Tab reaches the VAT number, then the account name, sort code and account number in turn.
        await Page.Locator("#organisation-postcode").FillAsync("CH1 5AX");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#organisation-vat")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("Cheshire West and Chester Council");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("12-34-5");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("12345678");
        await Page.Locator("#save-organisation").ClickAsync();

        var sortCode = Page.Locator("#organisation-sort-code");
        await Expect(sortCode).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await sortCode.GetAttributeAsync("aria-describedby");
        await Expect(Page.Locator($"[id='{describedBy}']")).ToHaveTextAsync("Sort code: enter six digits, such as 12-34-56.");
        await AssertNoSidewaysScrollAsync("organisation edit form");
        await CheckAccessibilityAsync("the organisation form with a bad sort code at 320 px");
        await ScreenshotAsync("reflow-organisation-invoicing-error");

        await sortCode.FillAsync("12-34-56");
        await Page.Locator("#save-organisation").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/organisations/CWAC$"));
        await Expect(Page.Locator("#invoicing-details .address")).ToContainTextAsync("CH1 5AX");
        await Expect(Page.Locator("#invoicing-details .bank")).ToContainTextAsync("Sort code 12-34-56");
        await AssertNoSidewaysScrollAsync("organisation page");
        await CheckAccessibilityAsync("the organisation page with invoicing details at 320 px");
    }
}
