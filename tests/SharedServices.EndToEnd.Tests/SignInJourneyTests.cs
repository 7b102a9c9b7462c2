using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharedServices.Core.Access;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// Each role signs in through the real sign-in page (typing, as a person would) with the demo accounts the README
/// lists, and sees only what that role may: the Isle of Wight's partnerships, and only its own role's actions. A board
/// member cannot reach an edit form even by typing its address. axe runs on every page visited, the sign-in page too.
/// </summary>
public sealed class SignInJourneyTests(AppHost host) : BrowserJourney(host)
{
    private const string Wight = "/partnerships/scc-iwc-education-support";
    private const string Halton = "/partnerships/halton-cwac-shared-service";

    private async Task SignInThroughThePageAsync(string email, string goingTo)
    {
        await SignOutOfTheBrowserAsync();
        await Page.GotoAsync(goingTo);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl="));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(DemoUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(goingTo) + "$"));
        await WaitUntilLiveAsync();
    }

    [Fact]
    public async Task BoardMember_ReadsTheirCouncilsPartnerships_ButNoEditFormEvenByAddress()
    {
        await SignOutOfTheBrowserAsync();
        await Page.GotoAsync("/partnerships");
        await Expect(Page.Locator("#email")).ToBeVisibleAsync();
        await CheckAccessibilityAsync("the sign-in page");
        await SignInThroughThePageAsync("board@iwc.example", "/partnerships");

        // The Isle of Wight's three partnerships; Halton's two are not shown.
        await Expect(Page.Locator("#partnership-register tbody tr")).ToHaveCountAsync(3);
        await Expect(Page.Locator("#signed-in-as")).ToHaveTextAsync("Isle of Wight Board Member");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "New partnership" })).ToHaveCountAsync(0);
        await CheckAccessibilityAsync("the register, for a board member");

        await GoToAsync(Wight);
        await Expect(Page.Locator("#section-decisions")).ToBeVisibleAsync();
        await Expect(Page.Locator("#add-decision")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Edit term" })).ToHaveCountAsync(0);
        await CheckAccessibilityAsync("a partnership, for a board member");

        // Typing an edit form's address: refused, with the reason.
        await Page.GotoAsync(Wight + "/edit");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/access-denied"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "You cannot do that" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync("the refusal page");

        // Another council's partnership, by address: not found, nothing shown.
        await GoToAsync(Halton);
        await Expect(Page.GetByText("Partnership not found")).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("Cheshire West");
    }

    [Fact]
    public async Task FinanceOfficer_HasRecharges_DirectorDoesNot()
    {
        await SignInThroughThePageAsync("finance@iwc.example", "/recharges");
        await Expect(Page.Locator("#run-recharge")).ToBeVisibleAsync();
        await Expect(Page.Locator("#main-menu a[href='/recharges']")).ToHaveCountAsync(1);
        await CheckAccessibilityAsync("recharges, for a finance officer");

        await SignInThroughThePageAsync("director@iwc.example", "/partnerships");
        await Expect(Page.Locator("#main-menu a[href='/recharges']")).ToHaveCountAsync(0);
        await GoToAsync(Wight);
        await Expect(Page.Locator("#add-decision")).ToBeVisibleAsync();
        await Expect(Page.Locator("#go-to-activity-import")).ToHaveCountAsync(0);
        await Page.GotoAsync("/recharges");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/access-denied"));
    }

    [Fact]
    public async Task Administrator_ManagesPeople_AndSignsOut()
    {
        await SignInThroughThePageAsync("admin@iwc.example", "/admin/users");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync("finance@iwc.example");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("finance@halton.example");
        await CheckAccessibilityAsync("people, for an administrator");

        await Page.Locator("#sign-out").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await Page.GotoAsync("/admin/users");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl="));
    }

    [Fact]
    public async Task WrongPassword_SaysSoOnThePage_At320PixelsWide()
    {
        await SignOutOfTheBrowserAsync();
        await Page.SetViewportSizeAsync(320, 640);
        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("E-mail address").FillAsync("board@halton.example");
        await Page.GetByLabel("Password").FillAsync("not the password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(Page.Locator("#sign-in-problem")).ToContainTextAsync("The e-mail address or password is not right.");
        await Expect(Page.GetByLabel("Password")).ToHaveValueAsync(""); // never sent back
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 320"), "The sign-in page scrolls sideways at 320 px.");
        await CheckAccessibilityAsync("the sign-in page with a problem, at 320 px");
    }
}
