using Microsoft.Playwright;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// Every page, opened in Chromium under the app's real Content-Security-Policy, works without the browser refusing
/// anything: no "Refused to …" in the console and no securitypolicyviolation event.
/// </summary>
public sealed class ContentSecurityPolicyJourneyTests(AppHost host) : BrowserJourney(host)
{
    private readonly List<string> _refusals = [];

    [Fact]
    public async Task EveryPage_UnderThePolicy_NothingIsRefused()
    {
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Refused to") || message.Text.Contains("Content Security Policy") || message.Text.StartsWith("CSP violation"))
                _refusals.Add($"{Page.Url}: {message.Text}");
        };
        // The event reports what the console may word differently (or not at all, for a report-only style refusal).
        await Page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`));
            """);

        foreach (var path in new[]
                 {
                     "/", "/partnerships", "/partnerships/iwc-hcc-buy-back", "/partnerships/iwc-hcc-buy-back/edit",
                     "/partnerships/iwc-hcc-buy-back/term", "/partnerships/new", "/key-dates?asOf=2024-06-01&within=365",
                     "/organisations", "/organisations/SCC", "/organisations/SCC/edit", "/organisations/new",
                     "/admin/bank-holidays", "/no-such-page",
                 })
        {
            await GoToAsync(path);
            // The page's styles and MudBlazor's theme applied: the app bar is drawn with the theme's colour, not unstyled.
            var appBar = await Page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).position");
            Assert.True(appBar is "fixed" or "sticky" or "absolute", $"{path}: the app bar is not styled (position {appBar}).");
        }

        // Interactive work after load: the what-if round trip over the circuit keeps working under the policy.
        await GoToAsync("/partnerships/iwc-hcc-buy-back");
        await Page.Locator("#run-what-if").ClickAsync();
        await Page.Locator("#what-if-exit").WaitForAsync();

        Assert.True(_refusals.Count == 0, "The browser refused content:\n" + string.Join("\n", _refusals));
    }
}
