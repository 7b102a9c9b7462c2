using Bunit;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class PartnershipPageTests : ComponentTestContext
{
    private const string StrategicPartnership = "hcc-iwc-childrens-services";
    private const string BuyBack = "iwc-hcc-buy-back";

    private IRenderedComponent<PartnershipPage> RenderLoaded(string code)
    {
        var cut = RenderPage<PartnershipPage>(p => p.Add(x => x.Code, code));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label=Loading]")), Timeout);
        return cut;
    }

    [Fact]
    public void PartnershipPage_StrategicPartnership_ShowsTermStartAndEnd()
    {
        var cut = RenderLoaded(StrategicPartnership);

        Assert.Equal("1 July 2013", cut.TextOf("#term-start"));
        Assert.Equal("up to 5 years (initial term to 30 June 2018)", cut.TextOf("#term-end"));
        Assert.Equal("at any time", cut.TextOf("#term-termination"));
    }

    [Fact]
    public void PartnershipPage_StrategicPartnership_ShowsNoticeNotStatedForBothParties()
    {
        var cut = RenderLoaded(StrategicPartnership);

        var labels = cut.FindAll("#section-term dt").Select(dt => dt.TextContent.Trim()).Where(t => t.StartsWith("Notice by"));
        Assert.Equal(["Notice by HCC", "Notice by IWC"], labels.Order());
        var notices = cut.FindAll("#section-term .notice-period");
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Contains("not stated in source", n.TextContent));
        Assert.Empty(cut.FindAll("#section-term .illustrative"));
    }

    [Fact]
    public void PartnershipPage_StrategicPartnership_ShowsGovernanceAndSuccessor()
    {
        var cut = RenderLoaded(StrategicPartnership);

        Assert.Contains("Joint Operational Board", cut.TextOf("#section-governance"));
        var successor = cut.Find("#successor a");
        Assert.Equal($"/partnerships/{BuyBack}", successor.GetAttribute("href"));
        Assert.Contains("commissioned buy-back children's services", successor.TextContent);
        Assert.Equal("None recorded", cut.TextOf("#predecessor"));
    }

    [Fact]
    public void PartnershipPage_StrategicPartnership_ShowsEndedDateAndSource()
    {
        var cut = RenderLoaded(StrategicPartnership);

        Assert.Equal("31 January 2024", cut.TextOf("#ended-on"));
        Assert.Contains("Source: 003_070ff0fe8edf3d0d.txt, para 1", cut.FindAll(".source-note").Select(n => n.TextContent.Trim()));
        Assert.Contains("Source: 003_070ff0fe8edf3d0d.txt, para 3", cut.TextOf("#section-term"));
        Assert.StartsWith("Terminated", cut.TextOf("#status"));
        Assert.Contains("Source: 002_d8d0be62417717b0.txt, item 3", cut.TextOf("#section-history"));
    }

    [Fact]
    public void PartnershipPage_TermRanOut_ShowsEndedOnTheTermEnd()
    {
        var cut = RenderLoaded("scc-iwc-education-support");

        Assert.StartsWith("Ended", cut.TextOf("#status"));
        Assert.Equal("31 August 2015", cut.TextOf("#ended-on"));
        Assert.Equal("31 August 2015", cut.TextOf("#term-end"));
        Assert.Contains("Nothing recorded yet", cut.TextOf("#section-history"));
    }

    [Fact]
    public void PartnershipPage_BuyBack_ShowsPredecessorMinimumTermAndIllustrativeNotice()
    {
        var cut = RenderLoaded(BuyBack);

        var predecessor = cut.Find("#predecessor a");
        Assert.Equal($"/partnerships/{StrategicPartnership}", predecessor.GetAttribute("href"));
        // The term gives no start; the minimum year counts from the day the contract was entered into, 5 March 2024.
        Assert.Equal("1 year (to 4 March 2025, counted from the day it began)", cut.TextOf("#term-minimum"));
        Assert.Equal("not stated in source", cut.TextOf("#term-start"));
        var notices = cut.FindAll("#section-term .notice-period");
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Contains("3 months", n.TextContent));
        Assert.All(notices, n => Assert.NotNull(n.QuerySelector(".illustrative")));
        Assert.Empty(cut.FindAll("#ended-on"));
    }

    [Fact]
    public void PartnershipPage_UnknownCode_ShowsNotFound()
    {
        var cut = RenderLoaded("no-such-partnership");

        Assert.Equal("Partnership not found", cut.TextOf("h1"));
        Assert.Contains("There is no partnership with the code \"no-such-partnership\"", cut.Text());
        Assert.Empty(cut.FindAll("#section-term"));
    }
}
