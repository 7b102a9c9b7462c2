using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>A finance officer or board clerk keeping the register up to date.</summary>
public sealed class EditorJourneyTests(AppHost host) : BrowserJourney(host)
{
    // Its partnership is Halton and Cheshire West's, so Halton's tester walks it.
    protected override string Council => "HBC";

    [Fact]
    public async Task NewOrganisation_BadGssCodeThenFixed_SavesAndShowsItsPage()
    {
        await GoToAsync("/organisations/new");
        await Page.Locator("#organisation-name").FillAsync("Portsmouth City Council");
        await Page.Locator("#organisation-code").FillAsync("PCC");
        await Page.Locator("#organisation-gss").FillAsync("X123");
        await Page.Locator("#save-organisation").ClickAsync();

        await Expect(Page.Locator("form").GetByText("GSS code: enter a letter and eight digits, such as E06000046.")).ToBeVisibleAsync();
        await CheckAccessibilityAsync("the new organisation form with an error");
        await ScreenshotAsync("organisation-form-error");

        await Page.Locator("#organisation-gss").FillAsync("E06000044");
        await Page.Locator("#save-organisation").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/organisations/PCC$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Portsmouth City Council" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("E06000044")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PartnershipPage_AddDecision_AppearsInDecisionRecords()
    {
        await GoToAsync("/partnerships/halton-cwac-shared-service");
        await Page.Locator("#add-decision").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();

        await Page.Locator("#save-decision").ClickAsync(); // empty: every required field says what it needs
        await Expect(dialog.Locator("form").GetByText("Decision maker: enter a body or role, such as Cabinet.")).ToBeVisibleAsync();
        await CheckAccessibilityAsync("the add-decision dialog");

        await dialog.Locator("#decision-organisation").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Cheshire West and Chester Council" }).ClickAsync();
        await Page.Locator("#decision-maker").FillAsync("Cabinet");
        await Page.Locator("#decision-date").FillAsync("12/01/2011"); // day first, as councils write it
        await Page.Locator("#decision-resolved").FillAsync("Agreed to share the Strategic Director of Children's Services with Halton.");
        await Page.Locator("#save-decision").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        var row = Page.Locator("#section-decisions tbody tr", new() { HasText = "12 January 2011" });
        await Expect(row).ToContainTextAsync("Cabinet, CWAC");
        await Expect(row).ToContainTextAsync("Agreed to share the Strategic Director");
        await CheckAccessibilityAsync("the partnership page after adding a decision");
        await ScreenshotAsync("decision-added");
    }
}
