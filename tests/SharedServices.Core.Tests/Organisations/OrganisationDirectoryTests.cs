using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Organisations;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Organisations;

public abstract class OrganisationDirectoryTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Standing on 1 June 2025: after the strategic partnership's termination and the buy-back contract's start.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(new DateOnly(2025, 6, 1)));

    private OrganisationDirectory Directory => Get<OrganisationDirectory>();

    [Fact]
    public async Task List_CountsPartnershipsPerOrganisation()
    {
        var rows = await Directory.ListAsync();

        Assert.Equal(8, rows.Count);
        Assert.Equal(3, rows.Single(r => r.ShortCode == "IWC").PartnershipCount);
        Assert.Equal(2, rows.Single(r => r.ShortCode == "HBC").PartnershipCount);
        Assert.Equal("E06000046", rows.Single(r => r.ShortCode == "IWC").GssCode);
    }

    [Fact]
    public async Task Find_Halton_ShowsRolesInItsPartnerships()
    {
        var profile = await Directory.FindAsync("HBC");

        Assert.NotNull(profile);
        Assert.Equal([PartyRole.Partner, PartyRole.Partner], profile.Partnerships.Select(p => p.Role));
        Assert.Null(await Directory.FindAsync("NOPE"));
    }

    [Theory]
    [InlineData("iwc")]
    [InlineData("Iwc")]
    [InlineData(" IWC ")]
    public async Task Find_CodeInAnyCase_FindsTheOrganisation(string typed)
    {
        var profile = await Directory.FindAsync(typed);

        Assert.NotNull(profile);
        Assert.Equal("Isle of Wight Council", profile.Organisation.Name);
    }

    [Fact]
    public async Task Find_Hampshire_ShowsEachPartnershipsStatusAsOfToday()
    {
        var profile = await Directory.FindAsync("HCC");

        Assert.NotNull(profile);
        Assert.Equal(
            [("hcc-iwc-childrens-services", PartnershipStatus.Terminated, PartyRole.Provider), ("iwc-hcc-buy-back", PartnershipStatus.Active, PartyRole.Provider)],
            profile.Partnerships.Select(p => (p.Code, p.Status, p.Role)).OrderBy(p => p.Code, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Save_NewThenEdit_UpdatesAndNormalisesGssCode()
    {
        var code = await Directory.SaveAsync(new OrganisationForm { Name = "Portsmouth City Council", ShortCode = "PCC", GssCode = "e06000044" });
        var created = (await Directory.FindAsync(code))!.Organisation;
        Assert.Equal("E06000044", created.GssCode);

        var form = OrganisationForm.From(created);
        form.Name = "Portsmouth City Council (unitary)";
        await Directory.SaveAsync(form);

        Assert.Equal("Portsmouth City Council (unitary)", (await Directory.FindAsync("PCC"))!.Organisation.Name);
        Assert.Equal(9, (await Directory.ListAsync()).Count);
    }

    [Fact]
    public async Task Save_DuplicateCodeAndBadGss_RejectsBothFields()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Directory.SaveAsync(new OrganisationForm { Name = "Copy", ShortCode = "IWC", Kind = OrganisationKind.CountyCouncil, GssCode = "X1" }));

        Assert.Equal(["GssCode", "ShortCode"], error.Errors.Select(e => e.PropertyName).Order());
        Assert.Equal(8, (await Directory.ListAsync()).Count);
    }
}

public sealed class OrganisationDirectoryTests_Sqlite : OrganisationDirectoryTests<SqliteTestDatabase>;

public sealed class OrganisationDirectoryTests_Postgres : OrganisationDirectoryTests<PostgresTestDatabase>;
