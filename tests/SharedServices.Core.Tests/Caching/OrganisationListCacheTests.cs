using SharedServices.Core.Access;
using SharedServices.Core.Caching;
using SharedServices.Core.Organisations;
using SharedServices.Core.Tests.Database;
using Microsoft.Extensions.DependencyInjection;

namespace SharedServices.Core.Tests.Caching;

/// <summary>
/// The organisation list (the register's and the forms' dropdowns) is cached, and every change is seen by the very
/// next read. The seed data has eight organisations; the Isle of Wight is party to three partnerships, Halton to two.
/// </summary>
public abstract class OrganisationListCacheTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private OrganisationDirectory Directory => Get<OrganisationDirectory>();

    [Fact]
    public async Task List_AfterAnOrganisationIsAddedAndRenamed_TheNextReadShowsIt()
    {
        Assert.Equal(8, (await Directory.ListAsync()).Count);

        var code = await Directory.SaveAsync(new OrganisationForm { Name = "Portsmouth City Council", ShortCode = "PCC", GssCode = "E06000044" });
        var added = await Directory.ListAsync();
        var form = OrganisationForm.From((await Directory.FindAsync(code))!.Organisation);
        form.Name = "Portsmouth";
        await Directory.SaveAsync(form);
        var renamed = await Directory.ListAsync();

        Assert.Equal(9, added.Count); // 8 + 1
        Assert.Equal("Portsmouth City Council", added.Single(o => o.ShortCode == "PCC").Name);
        Assert.Equal("Portsmouth", renamed.Single(o => o.ShortCode == "PCC").Name);
    }

    [Fact]
    public async Task List_AfterASecondInstanceAddsAnOrganisation_TheNextReadShowsIt()
    {
        await using var second = SecondInstance.Start(Factory.Settings, TimeProvider.System);
        Assert.Equal(8, (await Directory.ListAsync()).Count);

        await second.GetRequiredService<OrganisationDirectory>().SaveAsync(new OrganisationForm { Name = "Portsmouth City Council", ShortCode = "PCC" });

        Assert.Contains(await Directory.ListAsync(), o => o.ShortCode == "PCC");
    }

    [Fact]
    public async Task List_TwoCouncils_EachCountOnlyThePartnershipsTheySee()
    {
        var counts = new List<(int IsleOfWight, int Halton)>();
        foreach (var caller in new[] { await CouncilPeople.OfAsync(Factory, "IWC"), await CouncilPeople.OfAsync(Factory, "HBC"), await CouncilPeople.OfAsync(Factory, "IWC") })
            using (CallerContext.Use(caller))
            {
                var rows = await Directory.ListAsync();
                counts.Add((rows.Single(o => o.ShortCode == "IWC").PartnershipCount, rows.Single(o => o.ShortCode == "HBC").PartnershipCount));
            }

        // No partnership has both councils, so each sees none of the other's; the system sees both.
        Assert.Equal([(3, 0), (0, 2), (3, 0)], counts);
        var all = await Directory.ListAsync();
        Assert.Equal((3, 2), (all.Single(o => o.ShortCode == "IWC").PartnershipCount, all.Single(o => o.ShortCode == "HBC").PartnershipCount));
    }

    [Fact]
    public async Task List_Cached_RunsOnlyTheStampRead()
    {
        var counter = new QueryCounter();
        var directory = new OrganisationDirectory(counter.FactoryFor(Factory.Settings), Get<OrganisationFormValidator>(), TimeProvider.System, new ChangeStampCache());

        await directory.ListAsync();
        var first = counter.Commands.Count;
        counter.Clear();
        await directory.ListAsync();

        // Built: the stamps, then the list (2). Cached: the stamps alone.
        Assert.Equal(2, first);
        Assert.Contains("ChangeStamps", Assert.Single(counter.Commands));
    }
}

public sealed class OrganisationListCacheTests_Sqlite : OrganisationListCacheTests<SqliteTestDatabase>;

public sealed class OrganisationListCacheTests_Postgres : OrganisationListCacheTests<PostgresTestDatabase>;
