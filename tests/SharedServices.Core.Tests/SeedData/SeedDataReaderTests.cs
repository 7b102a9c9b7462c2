using SharedServices.Core.SeedData;

namespace SharedServices.Core.Tests.SeedData;

/// <summary>Bad seed files must be reported by file and field, all at once.</summary>
public sealed class SeedDataReaderTests : IDisposable
{
    private readonly SeedFolderCopy _seed = new(Path.Combine(AppContext.BaseDirectory, "seed-data"));

    private string Folder => _seed.Folder;

    public void Dispose() => _seed.Dispose();

    [Fact]
    public void Read_ShippedSeedData_HasNoErrors()
    {
        var seed = SeedDataReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data"));

        Assert.Equal(8, seed.Organisations.Count);
        Assert.Equal(5, seed.Partnerships.Count);
    }

    [Fact]
    public void Read_ShippedSeedData_EveryServiceHasChargesThatSayTheyAreIllustrative()
    {
        var services = SeedDataReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data")).Partnerships.SelectMany(p => p.Partnership.Services).ToList();

        Assert.Equal(9, services.Count);
        Assert.All(services, s =>
        {
            Assert.NotNull(s.Charges);
            Assert.True(s.Charges.Illustrative, s.Name);
            Assert.StartsWith("Illustrative: the council papers say only that \"a consistent schedule of charges\" exists and that the full cost is charged",
                s.Charges.Note);
        });
    }

    [Theory]
    [InlineData("\"kind\": \"StrategicPartnership\"", "\"kind\": \"Friendship\"", "partnerships/02-hcc-iwc-childrens-services.json: kind")]
    [InlineData("\"startDate\": \"2013-07-01\"", "\"startDate\": \"1 July 2013\"", "partnerships/02-hcc-iwc-childrens-services.json: term.startDate")]
    [InlineData("\"upToYears\": 5", "\"upToYears\": null", "partnerships/02-hcc-iwc-childrens-services.json: term.upToYears")]
    // Status is worked out, never typed in: a file that still gives one is told so.
    [InlineData("\"legalBasis\":", "\"status\": \"Ended\", \"legalBasis\":", "partnerships/02-hcc-iwc-childrens-services.json: status")]
    [InlineData("\"date\": \"2024-01-31\"", "\"date\": \"31 January 2024\"", "partnerships/02-hcc-iwc-childrens-services.json: events[0].date")]
    [InlineData("\"kind\": \"Terminated\"", "\"kind\": \"Ended\"", "partnerships/02-hcc-iwc-childrens-services.json: events[0].kind")]
    [InlineData("\"code\": \"hcc-iwc-childrens-services\"", "\"code\": \"HCC IWC\"", "partnerships/02-hcc-iwc-childrens-services.json: code")]
    [InlineData("\"legalBasis\":", "\"legalBasis2\":", "partnerships/02-hcc-iwc-childrens-services.json: legalBasis2")]
    public void Read_BrokenField_NamesFileAndField(string find, string replace, string expectedStart)
    {
        Break("partnerships/02-hcc-iwc-childrens-services.json", find, replace);

        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(Folder));

        Assert.Contains(error.Errors, e => e.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("01-scc-iwc-education-support", "\"basis\": \"DayRate\"", "\"basis\": \"Daily\"", "services[2].charges.rateVersions[0].basis (line")]
    [InlineData("01-scc-iwc-education-support", "\"ratePence\": 43000", "\"ratePence\": null", "services[2].charges.rateVersions[0].ratePence: is required for a day, hour or unit rate or a fixed annual sum (basis is DayRate)")]
    [InlineData("01-scc-iwc-education-support", "\"unit\": \"statutory assessment\"", "\"unit\": \"pupil\"", "services[1].charges.activity[0]: needs a quantity in the unit 'statutory assessment'")]
    [InlineData("02-hcc-iwc-childrens-services", "\"overheadPercent\": 8", "\"overheadPercent\": null", "services[0].charges.rateVersions[0].overheadPercent: is required for full cost recovery")]
    [InlineData("02-hcc-iwc-childrens-services", "\"effectiveFrom\": \"2013-07-01\"", "\"effectiveFrom\": \"2013-06-30\"", "services[0].charges.rateVersions[0].effectiveFrom: is before the service's startDate (1 July 2013)")]
    [InlineData("02-hcc-iwc-childrens-services", "\"treatment\": \"OutsideTheScope\"", "\"treatment\": \"Outside\"", "services[0].charges.vat[0].treatment (line")]
    [InlineData("03-iwc-hcc-buy-back", "\"providerLedgerCode\": \"9430\"", "\"providerLedgerCode\": \"9430-0000000000-0000000000-0000000000-0000000000-0000000000-0000000000\"", "services[0].charges.posting.providerLedgerCode:")]
    [InlineData("04-halton-warrington-school-improvement-jv", "\"quantity\": 18,", "\"quantity\": -18,", "services[0].charges.activity[0].quantity:")]
    [InlineData("04-halton-warrington-school-improvement-jv", "\"illustrative\": true,", "\"illustrative\": true, \"colour\": \"red\",", "services[0].charges.colour")]
    [InlineData("05-halton-cwac-shared-service", "\"sharePercent\": 50,", "\"sharePercent\": 150,", "services[0].charges.rateVersions[0].sharePercent:")]
    [InlineData("05-halton-cwac-shared-service", "\"actualCostPence\": 14786240", "\"actualCostPence\": null", "services[0].charges.activity[0].quantity: give a quantity and unit, or actualCostPence")]
    public void Read_BrokenChargeField_NamesFileAndField(string partnership, string find, string replace, string expected)
    {
        var file = $"partnerships/{partnership}.json";
        Break(file, find, replace);

        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(Folder));

        Assert.Contains(error.Errors, e => e.StartsWith($"{file}: {expected}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"Friendship\"", "'Friendship' is not one of: TradedServices, StrategicPartnership, SharedService, JointVenture, BuyBackContract.")]
    [InlineData("\"strategicpartnership\"", "'strategicpartnership' is not one of:")] // names are exact
    [InlineData("1", "a number is not one of:")] // numbers hide meaning
    public void Read_BadEnumValue_ListsTheAllowedNames(string value, string expected)
    {
        Break("partnerships/02-hcc-iwc-childrens-services.json", "\"kind\": \"StrategicPartnership\"", "\"kind\": " + value);

        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(Folder));

        // (03 also reports that its predecessor, 02, could not be read.)
        Assert.Contains(error.Errors, e => e.StartsWith("partnerships/02-hcc-iwc-childrens-services.json: kind (line 4): " + expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_BadGssCode_NamesOrganisationRow()
    {
        Break("organisations.json", "E06000046", "E6");

        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(Folder));

        Assert.Contains(error.Errors, e => e.StartsWith("organisations.json: organisations[") && e.Contains("gssCode"));
    }

    [Fact]
    public void Read_UnknownPredecessor_SaysWhichCode()
    {
        Break("partnerships/03-iwc-hcc-buy-back.json", "\"predecessor\": \"hcc-iwc-childrens-services\"", "\"predecessor\": \"nothing-here\"");

        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(Folder));

        Assert.Contains(error.Errors, e => e.StartsWith("partnerships/03-iwc-hcc-buy-back.json: predecessor") && e.Contains("nothing-here"));
    }

    [Fact]
    public void Read_TwoFilesReplacingTheSamePartnership_NamesBoth()
    {
        _seed.CopyWith("partnerships/03-iwc-hcc-buy-back.json", "partnerships/06-second-buy-back.json", ("\"iwc-hcc-buy-back\"", "\"iwc-hcc-buy-back-two\""));

        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(Folder));

        Assert.Equal("partnerships/03-iwc-hcc-buy-back.json, partnerships/06-second-buy-back.json: predecessor: 'hcc-iwc-childrens-services' can be replaced by only one partnership",
            Assert.Single(error.Errors));
    }

    [Fact]
    public void Read_MissingFolder_SaysSo()
    {
        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(Path.Combine(Folder, "absent")));

        Assert.Contains("does not exist", Assert.Single(error.Errors));
    }

    private void Break(string file, string find, string replace)
    {
        var path = Path.Combine(Folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text); // the test must really change the file
        File.WriteAllText(path, text.Replace(find, replace));
    }
}
