using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class RegisterPageTests : ComponentTestContext
{
    private static readonly string[] AllCodes =
    [
        "halton-cwac-shared-service", "halton-warrington-school-improvement-jv", "hcc-iwc-childrens-services",
        "iwc-hcc-buy-back", "scc-iwc-education-support",
    ];

    /// <summary>The partnership codes the grid lists, in the order shown.</summary>
    private static IReadOnlyList<string> ListedCodes(IRenderedComponent<RegisterPage> cut) =>
        cut.FindAll("table tbody a[href^='/partnerships/']")
            .Select(a => a.GetAttribute("href")!["/partnerships/".Length..])
            .ToList();

    private IRenderedComponent<RegisterPage> RenderLoaded()
    {
        var cut = RenderPage<RegisterPage>();
        cut.WaitForAssertion(() => Assert.Equal(5, ListedCodes(cut).Count), Timeout);
        return cut;
    }

    private static async Task SearchAsync(IRenderedComponent<RegisterPage> cut, string text) =>
        await cut.InputFor("register-search").InputAsync(new() { Value = text });

    [Fact]
    public void RegisterPage_NoSearch_ListsAllFivePartnershipsByName()
    {
        var cut = RenderLoaded();

        Assert.Equal(AllCodes.Order(), ListedCodes(cut).Order());
        var names = cut.FindAll("table tbody a[href^='/partnerships/']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(names.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal), names); // case does not matter
    }

    [Fact]
    public async Task RegisterPage_SearchIsleOfWight_ListsOnlyTheThreeIslandPartnerships()
    {
        var cut = RenderLoaded();

        await SearchAsync(cut, "Isle of Wight");

        cut.WaitForAssertion(() => Assert.Equal(
            ["hcc-iwc-childrens-services", "iwc-hcc-buy-back", "scc-iwc-education-support"],
            ListedCodes(cut).Order()), Timeout);
    }

    [Fact]
    public async Task RegisterPage_SearchServiceName_ListsThePartnershipOfferingIt()
    {
        var cut = RenderLoaded();

        await SearchAsync(cut, "Educational psychology");

        cut.WaitForAssertion(() => Assert.Equal(["scc-iwc-education-support"], ListedCodes(cut)), Timeout);
    }

    [Fact]
    public async Task RegisterPage_SearchMatchesNothing_ShowsNoRecordsMessage()
    {
        var cut = RenderLoaded();

        await SearchAsync(cut, "Lancashire");

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(ListedCodes(cut));
            Assert.Contains("No partnership matches.", cut.Text());
        }, Timeout);
    }

    [Theory]
    [InlineData("partnerships?kind=BuyBackContract", new[] { "iwc-hcc-buy-back" })]
    [InlineData("partnerships?status=Ended", new[] { "scc-iwc-education-support" })]
    [InlineData("partnerships?status=Terminated", new[] { "hcc-iwc-childrens-services" })]
    [InlineData("partnerships?ends=none", new[] { "halton-cwac-shared-service", "halton-warrington-school-improvement-jv", "iwc-hcc-buy-back" })]
    public void RegisterPage_FilterInAddress_ListsOnlyMatchingPartnerships(string address, string[] expected)
    {
        // The dashboard's links open the register with a kind or status already chosen.
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var cut = RenderPage<RegisterPage>();

        cut.WaitForAssertion(() => Assert.Equal(expected, ListedCodes(cut).Order()), Timeout);
    }

    [Fact]
    public void RegisterPage_UnknownKindInAddress_WarnsAndListsEveryPartnership()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("partnerships?kind=Nonsense");

        var cut = RenderLoaded();

        Assert.Contains("The address asks for kind \"Nonsense\"", cut.TextOf("#address-problem"));
        Assert.Equal(AllCodes.Order(), ListedCodes(cut).Order());
    }

    [Fact]
    public async Task RegisterPage_TickNoEndDate_ListsOnlyTheLiveOnesWithNoEndDate()
    {
        var cut = RenderLoaded();

        await cut.Find("input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = true });

        // On 23 November 2026: the joint venture, the Halton shared service and the buy-back.
        cut.WaitForAssertion(() => Assert.Equal(
            ["halton-cwac-shared-service", "halton-warrington-school-improvement-jv", "iwc-hcc-buy-back"], ListedCodes(cut).Order()), Timeout);
    }

    [Fact]
    public void RegisterPage_UnknownEndsInAddress_WarnsAndListsEveryPartnership()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("partnerships?ends=soon&status=Nonsense");

        var cut = RenderLoaded();

        // Both wrong filters are reported.
        Assert.Contains("The address asks for status \"Nonsense\"", cut.TextOf("#address-problem"));
        Assert.Contains("The address asks for ends \"soon\", but the only choice is \"none\"", cut.TextOf("#address-problem"));
        Assert.Equal(AllCodes.Order(), ListedCodes(cut).Order());
    }

    /// <summary>Clicks a column heading, as a user sorting the register would.</summary>
    private static async Task SortByAsync(IRenderedComponent<RegisterPage> cut, string heading) =>
        await cut.FindAll("th .sortable-column-header").Single(h => h.TextContent.Trim() == heading).ClickAsync(new MouseEventArgs());

    [Fact]
    public async Task RegisterPage_ClickStartHeading_SortsByStartThenReverses_NotStatedLast()
    {
        var cut = RenderLoaded();

        await SortByAsync(cut, "Start");

        cut.WaitForAssertion(() => Assert.Equal(
            ["halton-cwac-shared-service", "scc-iwc-education-support", "hcc-iwc-childrens-services", "iwc-hcc-buy-back",
                "halton-warrington-school-improvement-jv"], ListedCodes(cut)), Timeout);

        await SortByAsync(cut, "Start");

        cut.WaitForAssertion(() => Assert.Equal(
            ["iwc-hcc-buy-back", "hcc-iwc-childrens-services", "scc-iwc-education-support", "halton-cwac-shared-service",
                "halton-warrington-school-improvement-jv"], ListedCodes(cut)), Timeout);
    }

    [Fact]
    public async Task RegisterPage_ClickPartnershipHeadingTwice_ListsNamesZToA()
    {
        var cut = RenderLoaded();

        await SortByAsync(cut, "Partnership");
        await SortByAsync(cut, "Partnership");

        cut.WaitForAssertion(() => Assert.Equal(
            // "Southampton…", "Isle of Wight…", "Hampshire…", "Halton Borough…", "Halton and Warrington…"
            ["scc-iwc-education-support", "iwc-hcc-buy-back", "hcc-iwc-childrens-services", "halton-cwac-shared-service",
                "halton-warrington-school-improvement-jv"], ListedCodes(cut)), Timeout);
    }

    [Fact]
    public void RegisterPage_BeforeThePageIsLive_SaysLoadingNotNoMatches()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderPage<RegisterPage>();

        Assert.Equal("Loading the partnerships…", cut.TextOf("#register-loading"));
        Assert.DoesNotContain("No partnership matches", cut.Text());
        Assert.DoesNotContain("0-0 of 0", cut.Text());
    }
}
