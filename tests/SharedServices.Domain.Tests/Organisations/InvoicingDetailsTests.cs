using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Tests.Organisations;

public sealed class InvoicingDetailsTests
{
    private static InvoicingDetails Create(string? address = "County Hall\nHigh Street\nNewport", string? postcode = "po30 1ud",
        string? vat = "GB 999 9999 73", string? accountName = "Testford Council", string? sortCode = "12 34 56",
        string? accountNumber = "1234 5678", string? email = "income@testford.example.gov.uk") =>
        InvoicingDetails.Create(address, postcode, vat, accountName, sortCode, accountNumber, email);

    [Fact]
    public void Create_EveryDetail_TidiedAndKept()
    {
        var details = Create(address: "  County Hall \r\n\r\n High Street\nNewport  ");

        Assert.Equal("County Hall\nHigh Street\nNewport", details.Address);
        Assert.Equal(["County Hall", "High Street", "Newport", "PO30 1UD"], details.PostalLines);
        Assert.Equal("GB999999973", details.VatRegistration);
        Assert.Equal(("Testford Council", "123456", "12345678"), (details.BankAccountName, details.SortCode, details.AccountNumber));
        Assert.True(details.HasBankDetails);
        Assert.Equal("income@testford.example.gov.uk", details.RemittanceEmail);
    }

    [Fact]
    public void Create_NothingGiven_NothingRecorded()
    {
        var details = InvoicingDetails.Create(" ", null, "", null, " ", null, "");

        Assert.Equal(InvoicingDetails.None, details);
        Assert.Empty(details.PostalLines);
        Assert.False(details.HasBankDetails);
    }

    [Fact]
    public void Create_AddressStartingWithEquals_KeptAsTyped()
    {
        // The workbook writes it as text; here it is simply an address line like any other.
        Assert.Equal("=SUM(A1)\nNewport", Create(address: "=SUM(A1)\nNewport").Address);
    }

    [Theory]
    [InlineData("County Hall", null, "Postcode: an address needs its postcode.")]
    [InlineData(null, "PO30 1UD", "Address: enter the address that goes with the postcode.")]
    [InlineData("County Hall", "PO30", "Postcode: 'PO30' is not a UK postcode; write it as, for example, PO30 1UD.")]
    [InlineData("1\n2\n3\n4\n5\n6\n7", "PO30 1UD", "Address: use at most 6 lines (it has 7).")]
    public void Create_IncompleteOrBadAddress_RefusedNamingTheField(string? address, string? postcode, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => Create(address: address, postcode: postcode)).Message);

    [Fact]
    public void Create_BadVatNumber_RefusedNamingTheField() =>
        Assert.Equal("VAT registration number: '123456789' is not a UK VAT registration number.",
            Assert.Throws<DomainException>(() => Create(vat: "123456789")).Message);

    [Theory]
    [InlineData("Testford Council", "12-34-5", "12345678", "Sort code: a sort code is six digits, such as 12-34-56.")]
    [InlineData("Testford Council", "12-34-56", "1234567", "Account number: an account number is eight digits.")]
    [InlineData("Testford Council", null, null, "Bank details: give the account name, sort code and account number together, or none of them.")]
    [InlineData(null, "12-34-56", "12345678", "Bank details: give the account name, sort code and account number together, or none of them.")]
    public void Create_BadOrPartBankDetails_Refused(string? name, string? sortCode, string? accountNumber, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => Create(accountName: name, sortCode: sortCode, accountNumber: accountNumber)).Message);

    [Theory]
    [InlineData("income.testford.gov.uk")]
    [InlineData("income@testford")]
    [InlineData("in come@testford.gov.uk")]
    [InlineData("a@b@testford.gov.uk")]
    [InlineData("@testford.gov.uk")]
    public void Create_BadEmail_Refused(string email) =>
        Assert.StartsWith("Remittance e-mail:", Assert.Throws<DomainException>(() => Create(email: email)).Message);

    [Fact]
    public void SetInvoicingDetails_Organisation_KeepsThem()
    {
        var organisation = new Organisation("Testford Council", "TFC", OrganisationKind.UnitaryAuthority);
        Assert.Same(InvoicingDetails.None, organisation.Invoicing);

        organisation.SetInvoicingDetails(Create());

        Assert.Equal("GB999999973", organisation.Invoicing.VatRegistration);
    }
}
