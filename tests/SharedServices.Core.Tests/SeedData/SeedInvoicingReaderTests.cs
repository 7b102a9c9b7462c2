using SharedServices.Core.SeedData;
using SharedServices.Core.Tests.Organisations;

namespace SharedServices.Core.Tests.SeedData;

/// <summary>Invoicing details in organisations.json are checked as the form checks them, and named by file and field.</summary>
public sealed class SeedInvoicingReaderTests : IDisposable
{
    private readonly SeedFolderCopy _seed = new(Path.Combine(AppContext.BaseDirectory, "seed-data"));

    public void Dispose() => _seed.Dispose();

    /// <summary>Gives Southampton (the first organisation) the test details with one text replaced.</summary>
    private void WithInvoicing(string find = "", string replace = "") =>
        _seed.CopyWith("organisations.json", "organisations.json",
            ("\"name\": \"Southampton City Council\",", "\"name\": \"Southampton City Council\", \"invoicing\": " + (find.Length == 0 ? SeedInvoicingJson.Valid : SeedInvoicingJson.Valid.Replace(find, replace)) + ","));

    [Fact]
    public void Read_ValidDetails_Kept()
    {
        WithInvoicing();

        var scc = SeedDataReader.Read(_seed.Folder).Organisations.Single(o => o.Code == "SCC");

        Assert.Equal(["Town Hall", "Testford"], scc.Invoicing!.Address);
        Assert.Equal("GB 999 9999 73", scc.Invoicing.VatRegistration);
    }

    [Theory]
    [InlineData("\"TF1 1AA\"", "\"TF1\"", "organisations.json: organisations[0].invoicing.postcode: must be a UK postcode, such as PO30 1UD")]
    // 315 + 74 = 389 = 4 × 97 + 1; 389 + 55 = 444 = 4 × 97 + 56.
    [InlineData("\"GB 999 9999 73\"", "\"GB 999 9999 74\"", "organisations.json: organisations[0].invoicing.vatRegistration: must be a UK VAT registration number")]
    [InlineData("\"sortCode\": null", "\"sortCode\": \"12-34-5\"", "organisations.json: organisations[0].invoicing.sortCode: must be six digits, such as 12-34-56")]
    [InlineData("\"sortCode\": null", "\"sortCode\": \"12-34-56\"", "organisations.json: organisations[0].invoicing.bankAccountName: bankAccountName, sortCode and accountNumber go together")]
    [InlineData("\"accountNumber\": null", "\"accountNumber\": \"1234567\"", "organisations.json: organisations[0].invoicing.accountNumber: must be eight digits")]
    [InlineData("\"income@testford.example.gov.uk\"", "\"income at testford\"", "organisations.json: organisations[0].invoicing.remittanceEmail: must be an e-mail address")]
    [InlineData("\"postcode\": \"TF1 1AA\"", "\"postcode\": null", "organisations.json: organisations[0].invoicing.postcode: is required with an address")]
    [InlineData("\"source\": { \"document\": \"test\", \"paragraph\": null }", "\"source\": null", "organisations.json: organisations[0].invoicing.source")]
    public void Read_BadDetail_NamesFileAndField(string find, string replace, string expectedStart)
    {
        WithInvoicing(find, replace);

        var error = Assert.Throws<SeedDataException>(() => SeedDataReader.Read(_seed.Folder));

        Assert.Contains(error.Errors, e => e.StartsWith(expectedStart, StringComparison.Ordinal));
    }
}
