using Bunit;
using SharedServices.Web.Components.Features.Organisations;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Organisations;

public sealed class OrganisationPagesTests : ComponentTestContext
{
    [Fact]
    public void OrganisationsPage_Seeded_ListsEightOrganisationsWithPartnershipCounts()
    {
        var cut = RenderPage<OrganisationsPage>();

        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll("table tbody tr").Count), Timeout);
        var codes = cut.FindAll("table tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal(["CWAC", "HBC", "HCC", "HWSCH", "IWC", "PRIV", "SCC", "WBC"], codes.Order());
        var iwc = cut.FindAll("table tbody tr").Single(r => r.QuerySelectorAll("td")[1].TextContent.Trim() == "IWC");
        Assert.Equal("Isle of Wight Council", iwc.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal("3", iwc.QuerySelectorAll("td")[4].TextContent.Trim());
    }

    [Fact]
    public void OrganisationPage_IsleOfWight_ListsItsThreePartnerships()
    {
        var cut = RenderPage<OrganisationPage>(p => p.Add(x => x.ShortCode, "IWC"));

        cut.WaitForAssertion(() => cut.Find("#organisation-partnerships"), Timeout);
        Assert.Equal("Isle of Wight Council", cut.TextOf("h1"));
        var links = cut.FindAll("#organisation-partnerships tbody a").Select(a => a.GetAttribute("href"));
        Assert.Equal(
            ["/partnerships/hcc-iwc-childrens-services", "/partnerships/iwc-hcc-buy-back", "/partnerships/scc-iwc-education-support"],
            links.Order());
        Assert.Contains("Recipient (commissioner)", cut.TextOf("#organisation-partnerships"));
        Assert.Contains("E06000046", cut.Text());
    }

    [Fact]
    public void OrganisationPage_UnknownCode_ShowsNotFound()
    {
        var cut = RenderPage<OrganisationPage>(p => p.Add(x => x.ShortCode, "NOPE"));

        cut.WaitForAssertion(() => Assert.Equal("Organisation not found", cut.TextOf("h1")), Timeout);
        Assert.Contains("There is no organisation with the code \"NOPE\"", cut.Text());
    }
}
