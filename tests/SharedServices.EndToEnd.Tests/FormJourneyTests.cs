using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>Typing into forms the way people do: digit by digit, with slips, and by keyboard alone.</summary>
public sealed class FormJourneyTests(AppHost host) : BrowserJourney(host)
{
    // Its start is not stated in the sources and nothing in its history dates it, so a start can be typed in.
    private const string JointVenture = "/partnerships/halton-warrington-school-improvement-jv";
    private const string Strategic = "/partnerships/hcc-iwc-childrens-services";

    private async Task TypeStartDateAsync(string text)
    {
        var field = Page.Locator("#term-start-date");
        await field.FillAsync("");
        await field.PressSequentiallyAsync(text); // one key at a time, as a person types
    }

    [Fact]
    public async Task EditTerm_StartDateTypedDigitByDigit_LeapDayStoredAndImpossibleDayRefused()
    {
        await SignInAsAsync("HBC"); // the joint venture is Halton's and Warrington's
        await GoToAsync(JointVenture);
        await Expect(Page.Locator("#term-start")).ToHaveTextAsync("not stated in source");
        await GoToAsync(JointVenture + "/term");
        await TypeStartDateAsync("29/02/2024");
        await Page.Locator("#save-term").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(JointVenture) + "$"));
        await Expect(Page.Locator("#term-start")).ToHaveTextAsync("29 February 2024");
        await Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Saved the term of");

        await GoToAsync(JointVenture + "/term");
        await Expect(Page.Locator("#term-start-date")).ToHaveValueAsync("29/02/2024");
        await TypeStartDateAsync("31/04/2025");
        await Page.Locator("#save-term").ClickAsync();

        const string message = "Start date: April 2025 has 30 days, so there is no day 31.";
        await Expect(Page.Locator(".mud-input-control", new() { Has = Page.Locator("#term-start-date") })).ToContainTextAsync(message);
        await Expect(Page.Locator("#error-summary a[href='#term-start-date']")).ToHaveTextAsync(message);
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await CheckAccessibilityAsync("the term form refusing 31 April");
        await ScreenshotAsync("term-impossible-date");

        await Page.Locator("#error-summary a").ClickAsync();
        await Expect(Page.Locator("#term-start-date")).ToBeFocusedAsync();

        await GoToAsync(JointVenture);
        await Expect(Page.Locator("#term-start")).ToHaveTextAsync("29 February 2024");
    }

    [Fact]
    public async Task FormDialog_OpensOnItsFirstFieldAndEscapeClosesIt()
    {
        await GoToAsync(Strategic);
        await Page.Locator("#add-service").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();

        await Expect(Page.Locator("#service-name")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task RemoveConfirmation_FocusesKeepAndEscapeKeepsTheDay()
    {
        await GoToAsync("/admin/bank-holidays?year=2026");
        await Page.Locator("#remove-2026-12-25").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Remove Christmas Day");

        await Expect(Page.Locator("#confirm-keep")).ToBeFocusedAsync();
        await CheckAccessibilityAsync("the remove bank holiday question");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Page.Locator("#bank-holidays")).ToContainTextAsync("25 December 2026");
    }
}
