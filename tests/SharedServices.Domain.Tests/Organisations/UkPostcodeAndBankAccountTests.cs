using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Tests.Organisations;

public sealed class UkPostcodeAndBankAccountTests
{
    [Theory]
    [InlineData("so14 7ly", "SO14 7LY")]     // A9 9AA shapes in every length of outward code
    [InlineData("PO301UD", "PO30 1UD")]
    [InlineData(" M1  1AE ", "M1 1AE")]
    [InlineData("B33 8TH", "B33 8TH")]
    [InlineData("CR2 6XH", "CR2 6XH")]
    [InlineData("W1A 1AA", "W1A 1AA")]       // outward code ending in a letter
    [InlineData("SW1A 2AA", "SW1A 2AA")]
    [InlineData("EC1A 1BB", "EC1A 1BB")]
    public void Postcode_UkShape_InRoyalMailsForm(string typed, string expected) =>
        Assert.Equal(expected, UkPostcode.Normalise(typed));

    [Theory]
    [InlineData("PO30")]        // outward code only
    [InlineData("12345")]
    [InlineData("SO14 7L")]
    [InlineData("SO14 77LY")]
    [InlineData("1O14 7LY")]
    [InlineData("SOU14 7LY")]
    public void Postcode_NotAPostcode_Null(string typed) => Assert.False(UkPostcode.IsValid(typed));

    [Theory]
    [InlineData("12-34-56", "123456")]
    [InlineData("12 34 56", "123456")]
    [InlineData("123456", "123456")]
    public void SortCode_SixDigits_StoredAsDigits(string typed, string expected) =>
        Assert.Equal(expected, UkBankAccount.NormaliseSortCode(typed));

    [Theory]
    [InlineData("12-34-5")]
    [InlineData("1234567")]
    [InlineData("12-34-5A")]
    public void SortCode_NotSixDigits_Null(string typed) => Assert.Null(UkBankAccount.NormaliseSortCode(typed));

    [Fact]
    public void FormatSortCode_Digits_WithHyphens() => Assert.Equal("12-34-56", UkBankAccount.FormatSortCode("123456"));

    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("1234 5678", "12345678")]
    [InlineData("1234567", null)]
    [InlineData("123456789", null)]
    [InlineData("1234567O", null)]
    public void AccountNumber_EightDigits(string typed, string? expected) =>
        Assert.Equal(expected, UkBankAccount.NormaliseAccountNumber(typed));
}
