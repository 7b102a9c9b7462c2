using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>A board clerk amending an agreement: its details, its term and its services; and a finance officer sorting the register.</summary>
public sealed class AmendmentJourneyTests(AppHost host) : BrowserJourney(host)
{
    // Its partnership is Halton and Cheshire West's, so Halton's tester walks it.
    protected override string Council => "HBC";

    [Fact]
    public async Task SharedService_EditDetailsTermAndService_ShowsAmendments()
    {
        await GoToAsync("/partnerships/halton-cwac-shared-service");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit details and parties" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/partnerships/halton-cwac-shared-service/edit$"));
        await WaitUntilLiveAsync();
        await CheckAccessibilityAsync("the edit partnership page");
        await Page.Locator("#partnership-name").FillAsync("Halton and Cheshire West and Chester: shared children's services");
        await Page.Locator("#save-partnership").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Halton and Cheshire West and Chester: shared children's services" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit term" }).ClickAsync();
        await WaitUntilLiveAsync();
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "How the term ends" }).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "A fixed date" }).ClickAsync();
        await Page.Locator("#term-end-date").FillAsync("31/03/2014");
        await CheckAccessibilityAsync("the edit term page");
        await ScreenshotAsync("term-edit");
        await Page.Locator("#save-term").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/partnerships/halton-cwac-shared-service$"));
        await Expect(Page.Locator("#term-end")).ToHaveTextAsync("31 March 2014");

        await Page.Locator("#add-service").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Page.Locator("#service-name").FillAsync("Shared Principal Educational Psychologist");
        await dialog.Locator("#service-provider").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Halton Borough Council" }).ClickAsync();
        await dialog.Locator("#service-recipient").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Cheshire West and Chester Council" }).ClickAsync();
        await CheckAccessibilityAsync("the add-service dialog");
        await Page.Locator("#save-service").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Page.Locator("#section-services tbody tr", new() { HasText = "Shared Principal Educational Psychologist" }))
            .ToContainTextAsync("HBC → CWAC");
    }

    [Fact]
    public async Task Register_SortByStartAndFilterByOrganisation_ReordersAndNarrows()
    {
        // Hampshire is party only to Isle of Wight partnerships, so the Isle of Wight's tester filters by it.
        await SignInAsAsync("IWC");
        await GoToAsync("/partnerships");
        var firstRow = Page.Locator("#partnership-register tbody tr").First;

        // Starts: 1 September 2012 (Southampton), 1 July 2013 (Hampshire's strategic partnership), the buy-back (not stated).
        await Page.GetByRole(AriaRole.Columnheader, new() { Name = "Start" }).GetByText("Start", new() { Exact = true }).ClickAsync();
        await Expect(firstRow).ToContainTextAsync("1 September 2012");

        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" }).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Hampshire County Council" }).ClickAsync();
        await Expect(Page.Locator("#partnership-register tbody tr")).ToHaveCountAsync(2);
        await Expect(firstRow).ToContainTextAsync("1 July 2013");
        await CheckAccessibilityAsync("the register sorted and filtered");
    }
}
