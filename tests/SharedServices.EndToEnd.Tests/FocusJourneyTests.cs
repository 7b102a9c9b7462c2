using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// WCAG 2.4.7 Focus visible: moving through the page with the Tab key, each link, menu item, button and field shows
/// a strong ring. Checked two ways: the computed outline, and the pixels around the element with and without focus.
/// </summary>
public sealed class FocusJourneyTests(AppHost host) : BrowserJourney(host)
{
    // Its partnership is Halton and Cheshire West's, so Halton's tester walks it.
    protected override string Council => "HBC";

    /// <summary>Presses Tab until the element matching the selector has focus, as a keyboard user would.</summary>
    private async Task<ILocator> TabToAsync(string selector)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
                return Page.Locator(selector).First;
        }
        throw new InvalidOperationException($"Tab never reached {selector}.");
    }

    /// <summary>The element and a margin round it, where an outline is drawn.</summary>
    private async Task<byte[]> PictureAroundAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not shown.");
        return await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Clip = new Clip { X = box.X - 8, Y = box.Y - 8, Width = box.Width + 16, Height = box.Height + 16 },
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    /// <summary>The outline the focused element (or, for a field, its box) draws: style and width in px.</summary>
    private Task<string[]> FocusOutlineAsync(string boxSelector) => Page.EvaluateAsync<string[]>("""
        s => { const e = document.activeElement.closest(s) ?? document.activeElement; const c = getComputedStyle(e);
               return [c.outlineStyle, c.outlineWidth, c.outlineColor]; }
        """, boxSelector);

    private static void AssertStrongOutline(string[] outline, string what)
    {
        Assert.True(outline[0] is not "none", $"{what} has no focus outline.");
        Assert.True(double.Parse(outline[1].TrimEnd('p', 'x'), System.Globalization.CultureInfo.InvariantCulture) >= 2,
            $"{what}'s focus outline is only {outline[1]} wide.");
    }

    [Theory]
    [InlineData("#main-menu .mud-nav-link[href='/key-dates']", "a menu item")]
    [InlineData("#partnership-register tbody a[href^='/partnerships/']", "a link in the register")]
    [InlineData("a[href='/partnerships/new']", "the New partnership button")]
    [InlineData("#menu-button", "the menu button")]
    [InlineData("#partnership-register thead .sort-direction-icon", "a column's sort button (hidden until hovered or sorted)")]
    public async Task Tab_ToControl_ShowsAStrongFocusRing(string selector, string what)
    {
        await GoToAsync("/partnerships");
        await Expect(Page.Locator("#partnership-register tbody tr")).ToHaveCountAsync(2); // Halton's two
        await Page.Mouse.MoveAsync(1, 1); // no hover effect in either picture
        var element = Page.Locator(selector).First;
        var before = await PictureAroundAsync(element);

        await TabToAsync(selector);

        AssertStrongOutline(await FocusOutlineAsync(selector), what);
        Assert.NotEqual(before, await PictureAroundAsync(element));
    }

    [Fact]
    public async Task Tab_ToSearchField_RingsTheWholeField()
    {
        await GoToAsync("/partnerships");
        await Page.Mouse.MoveAsync(1, 1);
        var field = Page.Locator(".mud-input:has(#register-search), #register-search .mud-input").First;
        var before = await PictureAroundAsync(field);

        await TabToAsync("#register-search, #register-search input");

        AssertStrongOutline(await FocusOutlineAsync(".mud-input"), "the search field");
        Assert.NotEqual(before, await PictureAroundAsync(field));
    }

    [Fact]
    public async Task SourceLink_OnAPartnership_OpensThePaper()
    {
        await GoToAsync("/partnerships/halton-cwac-shared-service");

        var link = Page.Locator(".source-note a[href='/sources/004_e88032c7d269135b.txt']").First;
        await Expect(link).ToBeVisibleAsync();
        await CheckAccessibilityAsync("a partnership with links to its papers");
        var response = await Page.GotoAsync(await link.GetAttributeAsync("href") ?? "");

        Assert.Equal(200, response!.Status);
        await Expect(Page.Locator("body")).ToContainTextAsync("EXB79");
    }
}
