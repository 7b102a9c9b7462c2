using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Tests.Organisations;

/// <summary>
/// The check on a nine-digit number, worked by hand: weight the first seven digits 8, 7, 6, 5, 4, 3, 2, add them up,
/// add the last two digits as one number; the total is a multiple of 97 (older numbers), or is one once 55 is added
/// (the series started in 2010, never below 100).
/// </summary>
public sealed class VatRegistrationNumberTests
{
    [Theory]
    // 9×8 + 9×7 + 9×6 + 9×5 + 9×4 + 9×3 + 9×2 = 315; 315 + 73 = 388 = 4 × 97.
    [InlineData("GB 999 9999 73", "GB999999973")]
    [InlineData("999999973", "GB999999973")]
    [InlineData("gb999 9999 73", "GB999999973")]
    // 9×8 + 8×7 + 0×6 + 7×5 + 8×4 + 0×3 + 6×2 = 72 + 56 + 0 + 35 + 32 + 0 + 12 = 207; 207 + 84 = 291 = 3 × 97.
    [InlineData("980 7806 84", "GB980780684")]
    // 1×8 + 2×7 + 3×6 + 4×5 + 5×4 + 6×3 + 7×2 = 8 + 14 + 18 + 20 + 20 + 18 + 14 = 112; 112 + 82 = 194 = 2 × 97.
    [InlineData("123 4567 82", "GB123456782")]
    // 112 + 27 = 139, not a multiple of 97; 139 + 55 = 194 = 2 × 97: the 2010 series.
    [InlineData("GB123456727", "GB123456727")]
    // 0×8 + 1×7 + 2×6 + 3×5 + 4×4 + 5×3 + 6×2 = 77; 77 + 20 = 97: an older number below 100.
    [InlineData("012 3456 20", "GB012345620")]
    // A branch: the nine-digit number above (315 + 73 = 388 = 4 × 97) and branch 001.
    [InlineData("GB 999 9999 73 001", "GB999999973001")]
    // Government departments GD000–GD499 and health authorities HA500–HA999.
    [InlineData("GBGD001", "GBGD001")]
    [InlineData("gd499", "GBGD499")]
    [InlineData("HA500", "GBHA500")]
    [InlineData("GBHA999", "GBHA999")]
    public void Normalise_ValidNumber_GbAndDigitsWithoutSpaces(string typed, string expected) =>
        Assert.Equal(expected, VatRegistrationNumber.Normalise(typed));

    [Theory]
    // 112 + 89 = 201 = 2 × 97 + 7; 201 + 55 = 256 = 2 × 97 + 62: neither check holds.
    [InlineData("123456789")]
    // 315 + 74 = 389 = 4 × 97 + 1; 389 + 55 = 444 = 4 × 97 + 56.
    [InlineData("GB999999974")]
    // 77 + 62 = 139; 139 + 55 = 194 = 2 × 97 holds only for the 2010 series, which never starts below 100.
    [InlineData("012345662")]
    // The branch of a number that fails its check (389 as above).
    [InlineData("999999974001")]
    [InlineData("GB99999997")]        // eight digits
    [InlineData("GB9999999730")]      // ten digits
    [InlineData("GB 999 9999 7A")]
    [InlineData("FR999999973")]       // another country's prefix
    [InlineData("GBGD500")]           // GD runs to 499
    [InlineData("GBHA499")]           // HA starts at 500
    [InlineData("GBXX001")]
    public void Normalise_NotAUkVatNumber_Null(string typed)
    {
        Assert.Null(VatRegistrationNumber.Normalise(typed));
        Assert.False(VatRegistrationNumber.IsValid(typed));
    }

    [Theory]
    [InlineData("GB999999973", "GB 999 9999 73")]
    [InlineData("GB999999973001", "GB 999 9999 73 001")]
    [InlineData("GBGD001", "GBGD001")]
    public void Format_StoredNumber_SpacedAsPrinted(string stored, string expected) =>
        Assert.Equal(expected, VatRegistrationNumber.Format(stored));
}

public sealed class VatRegistrationShapeTests
{
    [Theory]
    [InlineData("GB 123 4567 89", true)]    // the right shape; its check digits fail (201 and 256 are not multiples of 97)
    [InlineData("999999973001", true)]
    [InlineData("GBHA123", true)]           // the right shape, though HA numbers start at 500
    [InlineData("GB12345678", false)]
    [InlineData("GBXX123", false)]
    [InlineData("", false)]
    public void HasUkShape_WhateverTheCheckDigits(string typed, bool expected) =>
        Assert.Equal(expected, VatRegistrationNumber.HasUkShape(typed));
}
