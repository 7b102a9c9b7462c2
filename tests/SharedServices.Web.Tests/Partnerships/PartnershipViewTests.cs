using System.Text.Json;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

/// <summary>
/// The partnership page's view is what .NET carries from the prerender into the live page, as JSON. What comes out
/// must draw the same page as what went in, or the live page would differ from the prerendered one.
/// </summary>
public sealed class PartnershipViewTests : ComponentTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private async Task<PartnershipView> ViewAsync(string code) =>
        PartnershipView.Of(await Services.GetRequiredService<PartnershipDetails>().FindAsync(code)
            ?? throw new InvalidOperationException($"The seed data has no partnership {code}."), Today);

    // Blazor's persisted state is System.Text.Json with the web defaults.
    private static PartnershipView RoundTrip(PartnershipView view) =>
        JsonSerializer.Deserialize<PartnershipView>(JsonSerializer.Serialize(view, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

    private string[] Panels(PartnershipView view) => new[]
    {
        Render<TermPanel>(p => p.Add(x => x.Partnership, view)).Markup,
        Render<TimelinePanel>(p => p.Add(x => x.Partnership, view)).Markup,
        Render<HistoryPanel>(p => p.Add(x => x.Partnership, view)).Markup,
        Render<ServicesPanel>(p => p.Add(x => x.Partnership, view)).Markup,
        Render<DecisionsPanel>(p => p.Add(x => x.Partnership, view)).Markup,
    }.Select(Unnumbered).ToArray();

    // Each render numbers its event handlers (blazor:onclick="12") and MudBlazor gives its elements fresh GUIDs;
    // two renders of the same view differ only in those.
    private static string Unnumbered(string markup) =>
        Regex.Replace(Regex.Replace(markup, @"blazor:on[a-z]+=""\d+""", ""), "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "guid");

    [Theory]
    [InlineData("hcc-iwc-childrens-services")] // terminated, with a successor, decisions and history
    [InlineData("iwc-hcc-buy-back")] // the successor: a predecessor and notice periods
    [InlineData("scc-iwc-education-support")] // an academic-year term with a key decision
    [InlineData("halton-warrington-school-improvement-jv")] // no start stated: no drawing
    public async Task PartnershipView_CarriedAsJson_DrawsEveryPanelTheSame(string code)
    {
        var view = await ViewAsync(code);
        var carried = RoundTrip(view);

        foreach (var (before, after) in Panels(view).Zip(Panels(carried))) Assert.Equal(before, after);
        Assert.Equal(view.Governance, carried.Governance, (a, b) => a.Name == b.Name && a.Purpose == b.Purpose);
        Assert.Equal((view.Code, view.Name, view.Version, view.Status, view.EndsOn, view.Predecessor, view.Successor),
            (carried.Code, carried.Name, carried.Version, carried.Status, carried.EndsOn, carried.Predecessor, carried.Successor));
    }
}
