using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace SharedServices.Core.Tests.Partnerships;

public abstract class PartnershipRegisterTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Standing on 1 June 2025: the strategic partnership was terminated on 31 January 2024, the education support
    // term ran out on 31 August 2015, and the buy-back contract began on 5 March 2024.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2025, 6, 1)));

    private Task<RegisterPage> Find(RegisterQuery query) => Get<PartnershipRegister>().FindAsync(query);

    [Fact]
    public async Task Find_NoFilters_ListsAllByName()
    {
        var page = await Find(new RegisterQuery());

        Assert.Equal(5, page.TotalCount);
        // "Halton and Warrington…" before "Halton Borough Council…": case does not decide the order.
        Assert.Equal(
            ["halton-warrington-school-improvement-jv", "halton-cwac-shared-service", "hcc-iwc-childrens-services", "iwc-hcc-buy-back", "scc-iwc-education-support"],
            page.Rows.Select(r => r.Code));
    }

    [Theory]
    [InlineData(false, new[] { "scc-iwc-education-support", "hcc-iwc-childrens-services" })]
    [InlineData(true, new[] { "hcc-iwc-childrens-services", "scc-iwc-education-support" })]
    public async Task Find_SortByEndDate_UsesTermEndAndPutsUnknownLast(bool descending, string[] datedFirst)
    {
        var page = await Find(new RegisterQuery(SortBy: RegisterSort.EndDate, Descending: descending));

        Assert.Equal(datedFirst, page.Rows.Take(2).Select(r => r.Code));
        Assert.All(page.Rows.Skip(2), r => Assert.Null(r.EndDate));
        Assert.Equal(new DateOnly(2015, 8, 31), page.Rows.Single(r => r.Code == "scc-iwc-education-support").EndDate); // from the term
    }

    [Fact]
    public async Task Find_SortByStartDateAscending_PutsUnknownStartLast()
    {
        var page = await Find(new RegisterQuery(SortBy: RegisterSort.StartDate));

        // The buy-back contract's start is the day the history records it began; the joint venture has none.
        Assert.Equal([new DateOnly(2011, 1, 1), new DateOnly(2012, 9, 1), new DateOnly(2013, 7, 1), new DateOnly(2024, 3, 5), (DateOnly?)null],
            page.Rows.Select(r => r.StartDate));
        Assert.Equal("halton-warrington-school-improvement-jv", page.Rows[^1].Code);
    }

    [Fact]
    public async Task Find_Rows_ShowStatusAsOfToday()
    {
        var page = await Find(new RegisterQuery());

        Assert.Equal(
            [("halton-warrington-school-improvement-jv", PartnershipStatus.Proposed), ("halton-cwac-shared-service", PartnershipStatus.Active),
             ("hcc-iwc-childrens-services", PartnershipStatus.Terminated), ("iwc-hcc-buy-back", PartnershipStatus.Active),
             ("scc-iwc-education-support", PartnershipStatus.Ended)],
            page.Rows.Select(r => (r.Code, r.Status)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_SortByStatus_OrdersByDerivedStatus(bool descending)
    {
        var page = await Find(new RegisterQuery(SortBy: RegisterSort.Status, Descending: descending));

        PartnershipStatus[] expected = [PartnershipStatus.Proposed, PartnershipStatus.Active, PartnershipStatus.Active, PartnershipStatus.Ended, PartnershipStatus.Terminated];
        Assert.Equal(descending ? expected.Reverse() : expected, page.Rows.Select(r => r.Status));
    }

    [Fact]
    public async Task Choices_ListEveryPartnershipByName()
    {
        var choices = await Get<PartnershipRegister>().ChoicesAsync();

        Assert.Equal(5, choices.Count);
        Assert.Equal("halton-warrington-school-improvement-jv", choices[0].Code);
    }

    [Theory]
    [InlineData("Isle of Wight", 3)] // matches party names, whatever the case
    [InlineData("isle of wight", 3)]
    [InlineData("ISLE OF WIGHT", 3)]
    [InlineData("educational psychology", 1)] // a service name only
    [InlineData("Halton", 2)]
    [InlineData("iwc", 3)] // a party's short code
    [InlineData("no such council", 0)]
    public async Task Find_Search_MatchesNamesPartiesAndServices(string search, int expected)
    {
        var page = await Find(new RegisterQuery(Search: search));

        Assert.Equal(expected, page.TotalCount);
        Assert.Equal(expected, page.Rows.Count);
    }

    [Fact]
    public async Task Find_FilterByKindAndStatus_Combines()
    {
        Assert.Equal("halton-warrington-school-improvement-jv",
            Assert.Single((await Find(new RegisterQuery(Kind: PartnershipKind.JointVenture))).Rows).Code);
        Assert.Equal("scc-iwc-education-support", Assert.Single((await Find(new RegisterQuery(Status: PartnershipStatus.Ended))).Rows).Code);
        Assert.Equal("hcc-iwc-childrens-services", Assert.Single((await Find(new RegisterQuery(Status: PartnershipStatus.Terminated))).Rows).Code);
        Assert.Equal(2, (await Find(new RegisterQuery(Status: PartnershipStatus.Active))).TotalCount);
        Assert.Equal(0, (await Find(new RegisterQuery(Kind: PartnershipKind.JointVenture, Status: PartnershipStatus.Ended))).TotalCount);
        Assert.Equal(1, (await Find(new RegisterQuery(Kind: PartnershipKind.JointVenture, Status: PartnershipStatus.Proposed))).TotalCount);
    }

    [Fact]
    public async Task Find_FilterByOrganisation_ListsItsPartnerships()
    {
        await using var db = Factory.CreateDbContext();
        var hampshire = await db.Organisations.SingleAsync(o => o.ShortCode == "HCC");

        var page = await Find(new RegisterQuery(OrganisationId: hampshire.Id));

        Assert.Equal(["hcc-iwc-childrens-services", "iwc-hcc-buy-back"], page.Rows.Select(r => r.Code).Order());
    }

    [Fact]
    public async Task Find_SortByStartDateDescending_PutsLatestFirst()
    {
        var page = await Find(new RegisterQuery(SortBy: RegisterSort.StartDate, Descending: true, PageSize: 10));

        Assert.Equal([new DateOnly(2024, 3, 5), new DateOnly(2013, 7, 1), new DateOnly(2012, 9, 1), new DateOnly(2011, 1, 1), (DateOnly?)null],
            page.Rows.Select(r => r.StartDate));
    }

    [Fact]
    public async Task Find_SecondPageOfTwo_ReturnsNextRowsAndTotal()
    {
        var first = await Find(new RegisterQuery(PageSize: 2, Page: 0));
        var second = await Find(new RegisterQuery(PageSize: 2, Page: 1));
        var third = await Find(new RegisterQuery(PageSize: 2, Page: 2));

        Assert.Equal(5, second.TotalCount);
        Assert.Equal(2, second.Rows.Count);
        Assert.Single(third.Rows);
        Assert.Equal(5, first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Find_Row_ShowsPartiesAndEndDate()
    {
        var row = Assert.Single((await Find(new RegisterQuery(Search: "strategic partnership"))).Rows);

        Assert.Equal(["HCC", "IWC"], row.Parties);
        Assert.Equal(new DateOnly(2024, 1, 31), row.EndDate); // the recorded termination, not the term's 30 June 2018
        Assert.Equal(PartnershipStatus.Terminated, row.Status);
    }

    [Fact]
    public async Task Find_NoEndDate_ListsOnlyTheLiveOnesWithNoEndDate_ByName()
    {
        var page = await Find(new RegisterQuery(NoEndDate: true));

        // On 1 June 2025 the education support term has ended (31 August 2015) and the strategic partnership was
        // terminated (31 January 2024); the joint venture, the Halton shared service and the buy-back have no end date.
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["halton-warrington-school-improvement-jv", "halton-cwac-shared-service", "iwc-hcc-buy-back"], page.Rows.Select(r => r.Code));
        Assert.All(page.Rows, r => Assert.Null(r.EndDate));
    }

    [Fact]
    public async Task Find_NoEndDate_CombinesWithTheOtherFiltersAndPages()
    {
        // Of the three, only the Halton shared service is a shared service, and none has ended; pages of two hold two, then one.
        Assert.Equal("halton-cwac-shared-service",
            Assert.Single((await Find(new RegisterQuery(Kind: PartnershipKind.SharedService, NoEndDate: true))).Rows).Code);
        Assert.Equal(0, (await Find(new RegisterQuery(Status: PartnershipStatus.Ended, NoEndDate: true))).TotalCount);
        var second = await Find(new RegisterQuery(Page: 1, PageSize: 2, NoEndDate: true));
        Assert.Equal((3, "iwc-hcc-buy-back"), (second.TotalCount, Assert.Single(second.Rows).Code));
    }
}

public sealed class PartnershipRegisterTests_Sqlite : PartnershipRegisterTests<SqliteTestDatabase>;

public sealed class PartnershipRegisterTests_Postgres : PartnershipRegisterTests<PostgresTestDatabase>;
