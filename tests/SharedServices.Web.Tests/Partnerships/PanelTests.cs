using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class PanelTests : ComponentTestContext
{
    private async Task<Partnership> LoadAsync(string code) =>
        await Services.GetRequiredService<PartnershipDetails>().FindAsync(code)
        ?? throw new InvalidOperationException($"The seed data has no partnership {code}.");

    [Fact]
    public async Task TermPanel_FixedAcademicYearTerm_ShowsDatesAndNotStatedRules()
    {
        var partnership = await LoadAsync("scc-iwc-education-support");

        var cut = Render<TermPanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(partnership, new DateOnly(2026, 11, 23))));

        Assert.Equal("1 September 2012", cut.TextOf("#term-start"));
        Assert.Equal("31 August 2015", cut.TextOf("#term-end"));
        Assert.Equal("not stated in source", cut.TextOf("#term-minimum"));
        Assert.Equal("not stated in source", cut.TextOf("#term-termination"));
        Assert.Contains("Source: 000_0346d6d8b69c74c0.txt, The decision (i)", cut.Text());
    }

    [Fact]
    public async Task DecisionsPanel_CabinetKeyDecision_ShowsReferenceDateAndKeyDecision()
    {
        var partnership = await LoadAsync("scc-iwc-education-support");

        var cut = Render<DecisionsPanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(partnership, new DateOnly(2026, 11, 23))));

        var row = Assert.Single(cut.FindAll("#section-decisions tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("13 November 2012", cells[0]);
        Assert.StartsWith("Cabinet", cells[1]);
        Assert.Equal("CAB 12/13 9254", cells[2]);
        Assert.StartsWith("Yes", cells[3]);
    }

    [Fact]
    public async Task DecisionsPanel_KeyDecisionNotRecorded_ShowsNotStatedInDateOrder()
    {
        var partnership = await LoadAsync("hcc-iwc-childrens-services");

        var cut = Render<DecisionsPanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(partnership, new DateOnly(2026, 11, 23))));

        var rows = cut.FindAll("#section-decisions tbody tr");
        Assert.Equal(["25 March 2013", "12 June 2013"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Equal("not stated in source", r.QuerySelectorAll("td")[3].QuerySelector(".not-stated")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Contains("Call-in: not stated in source", r.QuerySelectorAll("td")[3].TextContent));
        // The March decision has no reference in the source; the June one is 4876.
        Assert.Equal(["not stated in source", "4876"], rows.Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()));
    }
}
