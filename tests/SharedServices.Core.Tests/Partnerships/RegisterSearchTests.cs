using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Partnerships;

/// <summary>
/// The register's search through its indexes (FTS5 trigram tables on SQLite, pg_trgm on PostgreSQL). Expectations are
/// worked by hand from seed-data/partnerships; the seed is loaded after the migrations, so every seeded row reached
/// the SQLite index through the insert triggers. The five, numbered as their files are:
/// <list type="number">
/// <item>scc-iwc-education-support: "Southampton City Council to Isle of Wight Council: education support services";
///   parties SCC, IWC; services "School improvement support and challenge", "Special educational needs statutory
///   functions", "Educational psychology", "Access to Isle of Wight staff expertise".</item>
/// <item>hcc-iwc-childrens-services: "Hampshire County Council and Isle of Wight Council: strategic partnership for
///   children's services"; HCC, IWC; "Children's services (full scope of functions)".</item>
/// <item>iwc-hcc-buy-back: "Isle of Wight Council from Hampshire County Council: commissioned buy-back children's
///   services"; HCC, IWC; "Specialist children's services buy-back".</item>
/// <item>halton-warrington-school-improvement-jv: "Halton and Warrington with a private provider: joint venture for
///   school improvement services"; HBC, WBC, PRIV ("Private provider (selected bidder, not named in source)"), HWSCH
///   ("Schools in Halton and Warrington"); "School improvement services".</item>
/// <item>halton-cwac-shared-service: "Halton Borough Council and Cheshire West and Chester Council: shared service for
///   children and young people"; HBC, CWAC; "Shared Strategic Director of Children's Services", "Shared Safeguarding
///   Unit Manager".</item>
/// </list>
/// </summary>
public abstract class RegisterSearchTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string EducationSupport = "scc-iwc-education-support";
    private const string Strategic = "hcc-iwc-childrens-services";
    private const string BuyBack = "iwc-hcc-buy-back";
    private const string JointVenture = "halton-warrington-school-improvement-jv";
    private const string HaltonShared = "halton-cwac-shared-service";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2025, 6, 1)));

    private async Task<string[]> FoundAsync(string search)
    {
        var page = await Get<PartnershipRegister>().FindAsync(new RegisterQuery(Search: search, PageSize: 100));
        Assert.Equal(page.Rows.Count, page.TotalCount);
        return [.. page.Rows.Select(r => r.Code).Order()];
    }

    private static string[] Codes(params string[] codes) => [.. codes.Order()];

    [Theory]
    // Only partnership 3's name says "commissioned"; no organisation or service does. Mixed case.
    [InlineData("COMMISSIONED buy", new[] { BuyBack })]
    // Only PRIV's organisation name: partnership 4's own name says "private provider" but not "selected bidder".
    [InlineData("Selected BIDDER", new[] { JointVenture })]
    // Only a service name: partnership 5's "Shared Safeguarding Unit Manager".
    [InlineData("safeguarding UNIT", new[] { HaltonShared })]
    // Only partnership 1's service "Educational psychology".
    [InlineData("psychology", new[] { EducationSupport })]
    // An apostrophe: names of 2 and 3 say "children's"; 5 only in its service "…Director of Children's Services".
    [InlineData("CHILDREN'S", new[] { Strategic, BuyBack, HaltonShared })]
    // A short code matches whole, in any case: IWC is party to 1, 2 and 3 (no name contains "iwc").
    [InlineData("iwc", new[] { EducationSupport, Strategic, BuyBack })]
    // "Council" is in a party name of all five (4 through Halton Borough Council).
    [InlineData("council", new[] { EducationSupport, Strategic, BuyBack, JointVenture, HaltonShared })]
    public async Task Search_FindsTheTermInAnySearchedName(string search, string[] expected) =>
        Assert.Equal(Codes(expected), await FoundAsync(search));

    [Theory]
    [InlineData("no such council")]
    // A short code matches whole only: no code is IWCC, and no name holds it.
    [InlineData("iwcc")]
    // Literal, not LIKE's wildcards: as a wildcard "_" would find "Halton and" (4) and "%" would find everything.
    [InlineData("halton_and")]
    [InlineData("halton%warrington")]
    [InlineData("%")]
    [InlineData("_")]
    // A double quote is FTS5's phrase delimiter: taken literally, it is in no name, and is no syntax error.
    [InlineData("\"Isle of Wight\"")]
    [InlineData("Wight\" OR \"Halton")]
    // Within no one name: it would span SCC's and IWC's names if a partnership's party names were run together.
    [InlineData("Council Isle")]
    public async Task Search_Misses(string search) => Assert.Empty(await FoundAsync(search));

    [Theory]
    // One and two characters are below a trigram index's reach, and are compared row by row with the same meaning.
    // "x" is only in partnership 1's service "Access to Isle of Wight staff expertise".
    [InlineData("X", new[] { EducationSupport })]
    // "wi": "Isle of Wight" in the names of 1, 2 and 3, "with a private provider" in 4's; 5 has none.
    [InlineData("wI", new[] { EducationSupport, Strategic, BuyBack, JointVenture })]
    // "iw" is in no name (Isle of Wight never puts i before w) and is no party's code.
    [InlineData("iw", new string[0])]
    public async Task Search_ShortTerms_StillFindSubstrings(string search, string[] expected) =>
        Assert.Equal(Codes(expected), await FoundAsync(search));

    [Fact]
    public async Task Search_FindsRenamesAtOnce_HoweverTheyAreWritten()
    {
        await using (var db = Factory.CreateDbContext())
        {
            // A bulk update, which no EF change tracking sees.
            await db.Partnerships.Where(p => p.Code == JointVenture)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, "Halton 100% \"quoted\" school_improvement venture"));
            await db.TradedServices.Where(s => s.Name == "Educational psychology")
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Name, "Educational wombatology"));
            // A tracked save of an organisation.
            var cheshire = await db.Organisations.SingleAsync(o => o.ShortCode == "CWAC");
            cheshire.Update("Cheshire Quokka Council", cheshire.ShortCode, cheshire.Kind, cheshire.GssCode, cheshire.Notes);
            await db.SaveChangesAsync();
        }

        Assert.Equal([JointVenture], await FoundAsync("100% \"quoted\""));
        Assert.Equal([JointVenture], await FoundAsync("SCHOOL_IMPROVEMENT"));
        Assert.Empty(await FoundAsync("joint venture")); // 4's old name, and in nothing else
        Assert.Equal([EducationSupport], await FoundAsync("wombat"));
        Assert.Empty(await FoundAsync("psychology"));
        Assert.Equal([HaltonShared], await FoundAsync("quokka"));
    }

    [Fact]
    public async Task Search_ForgetsARemovedPartnership()
    {
        int removed;
        await using (var db = Factory.CreateDbContext())
        {
            var jointVenture = await db.Partnerships.Include(p => p.Services).SingleAsync(p => p.Code == JointVenture);
            removed = jointVenture.Id;
            db.Partnerships.Remove(jointVenture);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FoundAsync("selected bidder")); // PRIV is party to 4 only
        Assert.Equal([HaltonShared], await FoundAsync("halton"));
        await using (var db = Factory.CreateDbContext())
        {
            // SQLite keeps its own copy of the names: the removed partnership's went with it.
            if (db.Database.IsSqlite())
                Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"PartnershipNameSearch\" WHERE rowid = {removed}").SingleAsync());
        }
    }

    [Fact]
    public async Task Search_NeverFindsAnotherCouncilsPartnership()
    {
        // Seed: IWC is party to 1, 2 and 3; Halton (HBC) to 4 and 5.
        int iwc, hbc;
        await using (var db = Factory.CreateDbContext())
        {
            iwc = await db.Organisations.Where(o => o.ShortCode == "IWC").Select(o => o.Id).SingleAsync();
            hbc = await db.Organisations.Where(o => o.ShortCode == "HBC").Select(o => o.Id).SingleAsync();
        }

        using (CallerContext.Use(Caller.Person("Someone at IWC", "user-iwc", iwc, [])))
        {
            Assert.Empty(await FoundAsync("halton"));
            Assert.Empty(await FoundAsync("safeguarding"));
            Assert.Equal(Codes(EducationSupport, Strategic, BuyBack), await FoundAsync("council"));
        }
        using (CallerContext.Use(Caller.Person("Someone at HBC", "user-hbc", hbc, [])))
        {
            Assert.Empty(await FoundAsync("isle of wight"));
            Assert.Empty(await FoundAsync("iwc"));
            Assert.Equal(Codes(JointVenture, HaltonShared), await FoundAsync("council"));
        }
    }

    [Fact]
    public async Task Search_CountsTheWholeResultOnEveryPage()
    {
        // "council" finds all five (see above); pages of two hold 2, 2 and 1, and a fourth page is past the end.
        var register = Get<PartnershipRegister>();
        var pages = new List<RegisterPage>();
        for (var page = 0; page < 4; page++)
            pages.Add(await register.FindAsync(new RegisterQuery(Search: "council", Page: page, PageSize: 2)));

        Assert.Equal([5, 5, 5, 5], pages.Select(p => p.TotalCount));
        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Rows.Count));
        Assert.Equal(5, pages.SelectMany(p => p.Rows).Select(r => r.Code).Distinct().Count());

        // "children": the names of 2, 3 and 5; so 3 in all, on a full page and a page of one.
        Assert.Equal((3, 2), await TotalAndRows(new RegisterQuery(Search: "children", Page: 0, PageSize: 2)));
        Assert.Equal((3, 1), await TotalAndRows(new RegisterQuery(Search: "children", Page: 1, PageSize: 2)));
        // Nothing found: no rows, nothing counted.
        Assert.Equal((0, 0), await TotalAndRows(new RegisterQuery(Search: "no such council")));

        async Task<(int, int)> TotalAndRows(RegisterQuery query)
        {
            var page = await register.FindAsync(query);
            return (page.TotalCount, page.Rows.Count);
        }
    }
}

public sealed class RegisterSearchTests_Sqlite : RegisterSearchTests<SqliteTestDatabase>;

public sealed class RegisterSearchTests_Postgres : RegisterSearchTests<PostgresTestDatabase>;
