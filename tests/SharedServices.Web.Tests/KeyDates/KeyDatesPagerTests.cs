using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.KeyDates;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.KeyDates;

/// <summary>
/// The key dates page in pages, with pages of two so that the seed's few dates need more than one: from 1 June 2024,
/// 365 days, the buy-back has three (each party's latest notice date on 4 December 2024, and its minimum term's end
/// on 4 March 2025), so pages of two are 4 and 4 December, then 4 March.
/// </summary>
public sealed class KeyDatesPagerTests : ComponentTestContext
{
    private const string Year = "key-dates?asOf=2024-06-01&within=365";

    private IRenderedComponent<UpcomingDatesPage> RenderAt(string address, int pageSize = 2)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = RenderPage<UpcomingDatesPage>(p => p.Add(x => x.PageSize, pageSize));
        cut.WaitForAssertion(() => cut.Find("#key-dates-heading"), Timeout);
        return cut;
    }

    private static IReadOnlyList<string> DatesShown(IRenderedComponent<UpcomingDatesPage> cut) =>
        cut.FindAll("#key-dates-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    [Fact]
    public void FirstPage_ShowsTwoOfThree_WithANextLinkKeepingTheWindow()
    {
        var cut = RenderAt(Year);

        Assert.Equal("3 dates from 1 June 2024 to 31 May 2025", cut.TextOf("#key-dates-heading"));
        Assert.Equal("Showing 1–2 of 3 key dates", cut.TextOf("#key-dates-showing"));
        Assert.Equal(["4 December 2024", "4 December 2024"], DatesShown(cut));
        // Links, so they work by keyboard and before the page is live; no earlier page to go back to.
        var next = cut.Find("#key-dates-next-page-top");
        Assert.Equal("a", next.LocalName);
        Assert.Equal("http://localhost/key-dates?asOf=2024-06-01&within=365&page=2", next.GetAttribute("href"));
        Assert.Equal(next.GetAttribute("href"), cut.Find("#key-dates-next-page-bottom").GetAttribute("href"));
        Assert.Empty(cut.FindAll("#key-dates-previous-top"));
        Assert.Contains("Page 1 of 2", cut.TextOf("#key-dates-pager-top"));
        Assert.Empty(cut.FindAll("#key-dates-problem"));
    }

    [Fact]
    public void SecondPage_ShowsTheThird_WithAPreviousLinkToTheFirst()
    {
        var cut = RenderAt(Year + "&page=2");

        Assert.Equal("3 dates from 1 June 2024 to 31 May 2025", cut.TextOf("#key-dates-heading"));
        Assert.Equal("Showing 3–3 of 3 key dates", cut.TextOf("#key-dates-showing"));
        Assert.Equal(["4 March 2025"], DatesShown(cut));
        // The first page's address has no page number at all.
        Assert.Equal("http://localhost/key-dates?asOf=2024-06-01&within=365", cut.Find("#key-dates-previous-top").GetAttribute("href"));
        Assert.Empty(cut.FindAll("#key-dates-next-page-top"));
        Assert.Contains("Page 2 of 2", cut.TextOf("#key-dates-pager-top"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public void BadPageNumber_SaysSoAndShowsTheFirst(string page)
    {
        var cut = RenderAt($"{Year}&page={page}");

        Assert.Equal($"The address asks for page '{page}'; pages are numbered from 1, so showing the first.", cut.TextOf("#key-dates-problem"));
        Assert.Equal(["4 December 2024", "4 December 2024"], DatesShown(cut));
    }

    [Fact]
    public void PagePastTheEnd_SaysSoAndShowsTheLast()
    {
        var cut = RenderAt(Year + "&page=9");

        Assert.Equal("The address asks for page 9, but there are only 2 pages; showing the last.", cut.TextOf("#key-dates-problem"));
        Assert.Equal(["4 March 2025"], DatesShown(cut));
    }

    [Fact]
    public void OnePage_NoPager()
    {
        var cut = RenderAt(Year, pageSize: 100);

        Assert.Equal("Showing 1–3 of 3 key dates", cut.TextOf("#key-dates-showing"));
        Assert.Empty(cut.FindAll("nav"));
        Assert.Equal(3, DatesShown(cut).Count);
    }

    [Fact]
    public async Task Today_PagesTheStoredDates()
    {
        // Three reviews of the buy-back in the next 30 days from Monday 23 November 2026 (the seed has none of its own).
        var editor = Services.GetRequiredService<PartnershipEditor>();
        int buyBack;
        await using (var db = Database.CreateDbContext())
            buyBack = await db.Partnerships.Where(p => p.Code == "iwc-hcc-buy-back").Select(p => p.Id).SingleAsync();
        foreach (var day in new[] { 3, 1, 2 })
            await editor.AddMilestoneAsync(buyBack, new MilestoneForm { Kind = MilestoneKind.Review, Date = new DateOnly(2026, 12, day), Note = $"Review {day}" });

        var cut = RenderAt("key-dates?within=30&page=2");

        Assert.Equal("Showing 3–3 of 3 key dates", cut.TextOf("#key-dates-showing"));
        Assert.Equal(["3 December 2026"], DatesShown(cut));
        Assert.Equal("http://localhost/key-dates?within=30", cut.Find("#key-dates-previous-top").GetAttribute("href"));
    }

    [Fact]
    public async Task ManyWithNoEndDate_ListsTenAndLinksToTheRegister()
    {
        await AddProposalsAsync(Database, 9);

        // Nothing falls due in the 90 days from 23 November 2026, so the page lists what has no date at all.
        var cut = RenderAt("key-dates");

        // The seed's three live partnerships with no end date and nine proposals: twelve, ten listed.
        Assert.Equal(10, cut.FindAll("#key-dates-undated li").Count);
        Assert.Equal("…and 2 more. See every live partnership with no end date today in the register", cut.TextOf("#key-dates-undated-more"));
        Assert.Equal("/partnerships?ends=none", cut.Find("#key-dates-undated-all").GetAttribute("href"));
    }

    /// <summary>Proposals with no term, so live and with no end date, to which the Isle of Wight is party.</summary>
    internal static async Task AddProposalsAsync(Core.Persistence.SharedServicesDbContextFactory factory, int howMany)
    {
        await using var db = factory.CreateDbContext();
        var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
        var hcc = await db.Organisations.SingleAsync(o => o.ShortCode == "HCC");
        for (var i = 1; i <= howMany; i++)
            db.Partnerships.Add(new Partnership($"zeta-{i}", $"Zeta {i}", PartnershipKind.SharedService,
                [new PartnershipParty(iwc.Id, PartyRole.Provider), new PartnershipParty(hcc.Id, PartyRole.Recipient)]));
        await db.SaveChangesAsync();
    }
}
