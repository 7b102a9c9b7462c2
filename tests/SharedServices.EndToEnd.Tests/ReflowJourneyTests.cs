using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a phone, or 1280 px at 400% zoom) every page reads without scrolling
/// sideways; the menu folds away behind a button, tables and the timeline scroll inside their own boxes.
/// </summary>
public sealed class ReflowJourneyTests(AppHost host) : BrowserJourney(host)
{
    private async Task GoToNarrowAsync(string path)
    {
        await Page.SetViewportSizeAsync(320, 640);
        await GoToAsync(path);
        // The drawer folds once the page is live and has measured the window.
        await Expect(Page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "false");
    }

    private Task<int> PageScrollWidthAsync() => Page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    /// <summary>To explain a failure: elements reaching past the window's right edge, outside any scrolling box.</summary>
    private Task<string> WideElementsAsync() => Page.EvaluateAsync<string>("""
        () => {
            const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement)
                if (getComputedStyle(a).overflowX !== 'visible' && a !== document.documentElement && a !== document.body)
                    return !['absolute', 'fixed'].includes(getComputedStyle(e).position);
                return false; };
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !scrolls(e))
                .slice(0, 10)
                .map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`)
                .join('; ');
        }
        """);

    private async Task AssertNoSidewaysScrollAsync(string name)
    {
        var width = await PageScrollWidthAsync();
        Assert.True(width <= 320, $"The {name} page is {width} px wide at a 320 px window: {await WideElementsAsync()}");
    }

    [Theory]
    [InlineData("/", "dashboard")]
    [InlineData("/partnerships", "partnerships register")]
    [InlineData("/partnerships/hcc-iwc-childrens-services", "strategic partnership page")]
    [InlineData("/key-dates", "key dates")]
    [InlineData("/organisations", "organisations")]
    [InlineData("/admin/bank-holidays", "bank holidays")]
    [InlineData("/admin/vat-rates", "standard VAT rates")]
    [InlineData("/charges", "charges in force")]
    [InlineData("/partnerships/new", "new partnership form")]
    [InlineData("/partnerships/hcc-iwc-childrens-services/edit", "partnership edit form")]
    [InlineData("/activity", "activity")]
    [InlineData("/partnerships/halton-cwac-shared-service/activity", "activity grid")]
    [InlineData("/partnerships/halton-cwac-shared-service/activity/import", "activity import")]
    public async Task Page_At320PixelsWide_HasNoSidewaysScrollAndPassesAxe(string path, string name)
    {
        await GoToNarrowAsync(path);

        await AssertNoSidewaysScrollAsync(name);
        await Expect(Page.Locator("#main-menu .mud-nav-link").First).Not.ToBeInViewportAsync();
        await ScreenshotAsync("reflow-" + name.Replace(' ', '-'));
        await CheckAccessibilityAsync($"the {name} page at 320 px");
    }

    [Fact]
    public async Task SchedulePage_At320PixelsWide_HasNoSidewaysScrollAndPassesAxe()
    {
        await GoToNarrowAsync("/partnerships/hcc-iwc-childrens-services");
        await Page.Locator("a.schedule-link").First.ClickAsync();
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#section-rate-form")).ToBeVisibleAsync();

        await AssertNoSidewaysScrollAsync("schedule of charges");
        await ScreenshotAsync("reflow-schedule-of-charges");
        await CheckAccessibilityAsync("the schedule of charges page at 320 px");
    }

    [Fact]
    public async Task MenuButton_At320PixelsWide_OpensTheMenuAndItsLinksWork()
    {
        await GoToNarrowAsync("/");
        var button = Page.Locator("#menu-button");
        await Expect(button).ToHaveAccessibleNameAsync("Menu");

        await button.ClickAsync();

        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        var organisations = Page.Locator("#main-menu .mud-nav-link[href='/organisations']");
        await Expect(organisations).ToBeInViewportAsync();
        await CheckAccessibilityAsync("the open menu at 320 px");
        await organisations.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/organisations$"));
        await Expect(Page.Locator("#organisation-list")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync("organisations");
    }

    [Fact]
    public async Task OpenMenu_At320PixelsWide_EscapeClosesItAndFocusReturnsToTheMenuButton()
    {
        await GoToNarrowAsync("/");
        var button = Page.Locator("#menu-button");
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Page.Locator("#main-menu .mud-nav-link[href='/partnerships']").FocusAsync();

        await Page.Keyboard.PressAsync("Escape");

        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(button).ToBeFocusedAsync();
        await Expect(Page.Locator("#main-menu .mud-nav-link").First).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task Timeline_At320PixelsWide_KeepsReadableTextAndScrollsInItsOwnBox()
    {
        await GoToNarrowAsync("/partnerships/hcc-iwc-childrens-services");

        // Drawn 1000 units wide with 12-unit text: at 800 px or more the labels are at least 9.6 px high.
        var drawing = await Page.Locator("#timeline-drawing").BoundingBoxAsync();
        Assert.NotNull(drawing);
        Assert.True(drawing.Width >= 800, $"The timeline is drawn {drawing.Width} px wide, too small to read.");
        var box = Page.Locator(".timeline-scroll");
        Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth"), "The timeline does not scroll inside its box.");
        await AssertNoSidewaysScrollAsync("strategic partnership");
    }

    [Fact]
    public async Task Desktop_MenuStaysOpenBesideThePage()
    {
        await GoToAsync("/partnerships");

        await Expect(Page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(Page.Locator("#main-menu .mud-nav-link[href='/key-dates']")).ToBeInViewportAsync();
        var main = await Page.Locator("main").BoundingBoxAsync();
        Assert.True(main!.X >= 240, $"The page starts at {main.X} px, under the menu.");
    }
}
