using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SharedServices.Core.Access;
using SharedServices.Core.Partnerships;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// The audit trail pages in a real browser: they pass axe, read at 320 px without scrolling sideways (the table
/// scrolls in its own box), and the filters work. A partnership is renamed first, so that a row has a before and after.
/// </summary>
public sealed class AuditJourneyTests : BrowserJourney
{
    private readonly AppHost _host;

    public AuditJourneyTests(AppHost host) : base(host) => _host = host;

    private const string Halton = "halton-cwac-shared-service";

    // The trail is Halton's, so Halton's tester reads it.
    protected override string Council => "HBC";

    private async Task RenameHaltonAsync()
    {
        using var _ = CallerContext.Use(Caller.System("Jo Bloggs (jo@halton.gov.uk)"));
        var p = (await _host.Services.GetRequiredService<PartnershipDetails>().FindAsync(Halton))!;
        var form = PartnershipForm.From(p);
        form.Name = p.Name.EndsWith(" (renamed)", StringComparison.Ordinal) ? p.Name[..^10] : p.Name + " (renamed)";
        await _host.Services.GetRequiredService<PartnershipEditor>().SaveAsync(form);
    }

    [Theory]
    [InlineData("/audit", "audit trail")]
    [InlineData("/partnerships/" + Halton + "/audit", "partnership's audit trail")]
    public async Task AuditPage_At320PixelsWide_HasNoSidewaysScrollAndPassesAxe(string path, string name)
    {
        await RenameHaltonAsync();
        await Page.SetViewportSizeAsync(320, 640);
        await GoToAsync(path);
        await Expect(Page.Locator("#audit-entries")).ToBeVisibleAsync();

        var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"The {name} page is {width} px wide at a 320 px window.");
        await ScreenshotAsync("reflow-" + name.Replace(' ', '-').Replace("'", ""));
        await CheckAccessibilityAsync($"the {name} page at 320 px");
    }

    [Fact]
    public async Task AuditPage_FilterByText_ShowsTheRenameWithItsBeforeAndAfter()
    {
        await RenameHaltonAsync();
        await GoToAsync("/audit");
        await CheckAccessibilityAsync("the audit trail page");

        await Page.Locator("#filter-text").FillAsync("Jo Bloggs");
        await Page.Locator("#filter-text").PressAsync("Enter");

        await Expect(Page.Locator("#audit-entries tbody tr").First).ToContainTextAsync("Jo Bloggs (jo@halton.gov.uk)");
        await Expect(Page.Locator("#audit-entries tbody tr").First.Locator(".audit-changes li")).ToContainTextAsync("Name:");
        await Expect(Page.Locator("#export-audit")).ToHaveAttributeAsync("href", "/audit/export.xlsx?text=Jo%20Bloggs");
        await CheckAccessibilityAsync("the audit trail filtered by text");
    }
}
