using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>A finance officer recording a pay award agreed in November and backdated to 1 April.</summary>
public sealed class ChargesJourneyTests(AppHost host) : BrowserJourney(host)
{
    // Its partnership is Halton and Cheshire West's, so Halton's tester walks it.
    protected override string Council => "HBC";

    private const string SharedService = "/partnerships/halton-cwac-shared-service";

    [Fact]
    public async Task FinanceOfficer_AddsARateBackdatedTo1April_SeesItBackdatedAndApplyingToday()
    {
        // A service of its own, so the schedules seeded for the demonstration cannot be in the way.
        await GoToAsync(SharedService);
        await Page.Locator("#add-service").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Page.Locator("#service-name").FillAsync("Shared payroll team");
        await dialog.Locator("#service-provider").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Halton Borough Council" }).ClickAsync();
        await dialog.Locator("#service-recipient").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Cheshire West and Chester Council" }).ClickAsync();
        await Page.Locator("#save-service").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Schedule of charges for Shared payroll team" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(SharedService) + @"/services/\d+/charges$"));
        await WaitUntilLiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Charges for Shared payroll team" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#no-versions")).ToBeVisibleAsync();
        await CheckAccessibilityAsync("an empty schedule of charges");

        await Page.Locator("#rate-starts").FillAsync("01/04/2026");
        await Page.Locator("#rate-amount").FillAsync("432.60");
        await Page.Locator("#save-rate").ClickAsync();

        var row = Page.Locator("#version-2026-04-01");
        await Expect(row).ToContainTextAsync("Day rate £432.60");
        await Expect(row.Locator(".backdated-chip")).ToHaveTextAsync("Backdated");
        await Expect(row.Locator(".backdated-note")).ToHaveTextAsync("Entered 23 November 2026, effective from 1 April 2026");
        await Expect(row.Locator(".applies-today-chip")).ToHaveTextAsync("Applies today");
        // The form is ready for the next version, without complaints about its empty fields.
        await Expect(Page.Locator("#section-rate-form .mud-input-error")).ToHaveCountAsync(0);
        await CheckAccessibilityAsync("a schedule with a backdated rate");
        await ScreenshotAsync("schedule-backdated");

        // On a phone the history still reads without the page scrolling sideways.
        await Page.SetViewportSizeAsync(320, 640);
        await Expect(Page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.True(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 320, "The schedule page scrolls sideways at 320 px.");
        await CheckAccessibilityAsync("a schedule with a backdated rate at 320 px");
        await ScreenshotAsync("schedule-backdated-320");
        await Page.SetViewportSizeAsync(1280, 800);

        await GoToAsync("/charges");
        await Expect(Page.Locator("#charges tr", new() { HasText = "Shared payroll team" })).ToContainTextAsync("Day rate £432.60");
        await CheckAccessibilityAsync("the charges in force today");

        await GoToAsync("/admin/vat-rates");
        await Expect(Page.Locator("#vat-rates tbody tr").Last).ToContainTextAsync("4 January 2011");
        await CheckAccessibilityAsync("the standard VAT rates");
    }
}
