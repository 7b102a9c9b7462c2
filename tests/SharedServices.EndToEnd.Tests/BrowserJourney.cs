using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// One user's path through the app in a fresh browser page. Every page visited is checked with axe; any violation
/// of a WCAG 2.0, 2.1 or 2.2 A/AA rule, of whatever impact, fails the journey. Screenshots land under the test output's screenshots/.
/// </summary>
public abstract class BrowserJourney(AppHost host) : IClassFixture<AppHost>, IAsyncLifetime
{
    protected IPage Page { get; private set; } = default!;

    /// <summary>The app under test.</summary>
    protected AppHost Host => host;
    private IBrowserContext _context = default!;
    private readonly List<string> _refused = [];

    public async Task InitializeAsync()
    {
        _context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        _context.SetDefaultTimeout(15_000);
        await _context.AddCookiesAsync(await host.CookiesForAsync(Council));
        Page = await _context.NewPageAsync();
        // Browser console errors go to the test output, to explain a failure.
        Page.Console += (_, message) => { if (message.Type == "error") Console.WriteLine($"[browser] {message.Text}"); };
        // Anything the Content-Security-Policy blocks fails the journey, so a new page or widget cannot quietly need more.
        Page.Console += (_, message) => { if (message.Text.Contains("Refused to")) _refused.Add($"{Page.Url}: {message.Text}"); };
    }

    /// <summary>Whose tester (every role) the journey is signed in as: the Isle of Wight's unless a journey says otherwise.</summary>
    protected virtual string Council => "IWC";

    /// <summary>Forgets every cookie: the browser is signed in as no one, for a journey that signs in through the page.</summary>
    protected Task SignOutOfTheBrowserAsync() => _context.ClearCookiesAsync();

    /// <summary>Signs this browser in as another council's tester, for a journey that crosses councils.</summary>
    protected async Task SignInAsAsync(string council)
    {
        await _context.ClearCookiesAsync();
        await _context.AddCookiesAsync(await host.CookiesForAsync(council));
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        Assert.True(_refused.Count == 0, "The Content-Security-Policy refused:\n" + string.Join("\n", _refused));
    }

    /// <summary>Opens an address and waits until the page is live (the interactive circuit is up).</summary>
    protected async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitUntilLiveAsync();
    }

    protected async Task WaitUntilLiveAsync()
    {
        try
        {
            await Page.Locator("#app-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync("not-live-" + Guid.NewGuid().ToString("N")[..8]);
            throw new TimeoutException($"The page {Page.Url} never became interactive; see the screenshot and [browser] lines.");
        }
    }

    /// <summary>The axe rules for WCAG 2.2 level AA, which councils must meet (including the 2.0 and 2.1 rules).</summary>
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Runs axe on the page as it is now; fails on any WCAG A/AA violation, whatever its impact, naming them.</summary>
    protected async Task CheckAccessibilityAsync(string pageName)
    {
        AxeResult result = await Page.RunAxe(WcagAa);
        Assert.True(result.Violations.Length == 0, $"Accessibility violations on {pageName}:\n" + string.Join("\n", result.Violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    protected Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(AppHost.ScreenshotFolder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled,
    });
}
