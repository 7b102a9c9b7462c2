using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Tests.Organisations;

public class OrganisationTests
{
    private static Organisation IsleOfWight(string? gss = "E06000046", string shortCode = "IWC", string name = "Isle of Wight Council") =>
        new(name, shortCode, OrganisationKind.UnitaryAuthority, gss);

    [Fact]
    public void Constructor_ValidCouncil_KeepsItsDetails()
    {
        var org = new Organisation("  Hampshire County Council ", " HCC ", OrganisationKind.CountyCouncil, "E10000014", "  upper tier ");

        Assert.Equal("Hampshire County Council", org.Name);
        Assert.Equal("HCC", org.ShortCode);
        Assert.Equal(OrganisationKind.CountyCouncil, org.Kind);
        Assert.Equal("E10000014", org.GssCode);
        Assert.Equal("upper tier", org.Notes);
    }

    [Theory]
    [InlineData("E06000046", "E06000046")]
    [InlineData("e06000046", "E06000046")]   // typed in lower case
    [InlineData(" E06000045 ", "E06000045")]
    [InlineData("W06000001", "W06000001")]
    [InlineData("S12000033", "S12000033")]
    [InlineData("N09000001", "N09000001")]
    public void Constructor_GssCode_StoredTrimmedInUpperCase(string gss, string expected)
    {
        Assert.Equal(expected, IsleOfWight(gss).GssCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_NoGssCode_StoresNull(string? gss)
    {
        Assert.Null(IsleOfWight(gss).GssCode);
    }

    [Theory]
    [InlineData("E0600004", "E0600004")]       // seven digits
    [InlineData("E060000461", "E060000461")]   // nine digits
    [InlineData("X06000046", "X06000046")]     // not a UK nation letter
    [InlineData("E06O00046", "E06O00046")]     // letter O for zero
    [InlineData("06000046E", "06000046E")]
    [InlineData("e0600004", "E0600004")]       // message shows the normalised code
    public void Constructor_BadGssCode_ThrowsNamingTheCode(string gss, string shown)
    {
        var ex = Assert.Throws<DomainException>(() => IsleOfWight(gss));

        Assert.Equal($"'{shown}' is not a GSS code: a letter and eight digits, such as E06000046.", ex.Message);
    }

    [Theory]
    [InlineData("E06000046", true)]
    [InlineData("E10000014", true)]
    [InlineData("E0600004", false)]
    [InlineData("e06000046", false)]   // the static check does not normalise; Update does
    [InlineData("", false)]
    public void IsValidGssCode_Code_MatchesLetterAndEightDigits(string code, bool expected)
    {
        Assert.Equal(expected, Organisation.IsValidGssCode(code));
    }

    [Theory]
    [InlineData("IWC")]
    [InlineData("AB")]            // shortest
    [InlineData("ABCDEFGHIJ")]    // longest: ten
    [InlineData("H2")]
    [InlineData("SCC01")]
    public void Constructor_GoodShortCode_IsAccepted(string shortCode)
    {
        Assert.Equal(shortCode, IsleOfWight(shortCode: shortCode).ShortCode);
    }

    [Theory]
    [InlineData("A")]              // too short
    [InlineData("ABCDEFGHIJK")]    // eleven
    [InlineData("iwc")]            // short codes are not upper-cased for you
    [InlineData("I-W")]
    [InlineData("I W")]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BadShortCode_Throws(string shortCode)
    {
        var ex = Assert.Throws<DomainException>(() => IsleOfWight(shortCode: shortCode));

        Assert.Equal("A short code is 2 to 10 capital letters or digits, such as IWC.", ex.Message);
    }

    [Theory]
    [InlineData("IWC", true)]
    [InlineData("iwc", false)]
    [InlineData("A", false)]
    public void IsValidShortCode_Code_MatchesCapitalsAndDigits(string code, bool expected)
    {
        Assert.Equal(expected, Organisation.IsValidShortCode(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankName_Throws(string name)
    {
        var ex = Assert.Throws<DomainException>(() => IsleOfWight(name: name));

        Assert.Equal("An organisation needs a name.", ex.Message);
    }

    [Fact]
    public void Constructor_BlankNotes_StoresNull()
    {
        Assert.Null(new Organisation("Halton Borough Council", "HBC", OrganisationKind.UnitaryAuthority, "E06000006", "  ").Notes);
    }

    [Fact]
    public void Update_NewDetails_ReplacesThem()
    {
        var org = IsleOfWight();

        org.Update("Southampton City Council", "SCC", OrganisationKind.UnitaryAuthority, null, "provider");

        Assert.Equal("Southampton City Council", org.Name);
        Assert.Equal("SCC", org.ShortCode);
        Assert.Null(org.GssCode);
        Assert.Equal("provider", org.Notes);
    }

    [Fact]
    public void Update_BadGssCode_LeavesOrganisationUnchanged()
    {
        var org = IsleOfWight();

        Assert.Throws<DomainException>(() => org.Update("Renamed", "REN", OrganisationKind.DistrictCouncil, "bad", null));

        Assert.Equal("Isle of Wight Council", org.Name);
        Assert.Equal("IWC", org.ShortCode);
        Assert.Equal(OrganisationKind.UnitaryAuthority, org.Kind);
        Assert.Equal("E06000046", org.GssCode);
    }
}
