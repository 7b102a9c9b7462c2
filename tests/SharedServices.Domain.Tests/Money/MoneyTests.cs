using System.Globalization;

namespace SharedServices.Domain.Tests.Money;

using SharedServices.Domain.Money;

public class MoneyTests
{
    private static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0.005", 1)]        // half a penny rounds up, not to even
    [InlineData("-0.005", -1)]      // and away from zero for a credit
    [InlineData("2.675", 268)]
    [InlineData("-2.675", -268)]
    [InlineData("0.025", 3)]        // banker's rounding would give 2p
    [InlineData("-0.025", -3)]
    [InlineData("0.0049", 0)]
    [InlineData("-0.0049", 0)]
    [InlineData("1.234", 123)]
    [InlineData("1234.56", 123456)]
    [InlineData("0", 0)]
    public void FromPounds_FractionOfPenny_RoundsHalfAwayFromZero(string pounds, long expectedPence)
    {
        Assert.Equal(expectedPence, Money.FromPounds(Dec(pounds)).Pence);
    }

    [Theory]
    [InlineData(123456, "1234.56")]
    [InlineData(-1200, "-12")]
    [InlineData(5, "0.05")]
    public void Pounds_WholePence_DividesByOneHundred(long pence, string expected)
    {
        Assert.Equal(Dec(expected), new Money(pence).Pounds);
    }

    [Theory]
    [InlineData(1001, "0.5", 501)]       // £10.01 × 0.5 = £5.005 → £5.01
    [InlineData(-1001, "0.5", -501)]     // credit rounds away from zero too
    [InlineData(2675, "0.1", 268)]       // £26.75 × 0.1 = £2.675 → £2.68
    [InlineData(45000, "2.5", 112500)]   // 2.5 days at £450 a day
    [InlineData(1000, "0.175", 175)]     // VAT at 17.5%
    [InlineData(12345, "0.2", 2469)]     // VAT at 20%: £24.69 exactly
    [InlineData(100, "0", 0)]
    [InlineData(333, "-1", -333)]
    public void Times_Factor_RoundsResultToPenny(long pence, string factor, long expectedPence)
    {
        Assert.Equal(expectedPence, new Money(pence).Times(Dec(factor)).Pence);
    }

    [Fact]
    public void Times_OneThird_RoundsDownToWholePenny()
    {
        Assert.Equal(new Money(3333), new Money(10000).Times(1m / 3m));
    }

    [Theory]
    [InlineData(150, 275, 425)]
    [InlineData(-150, 100, -50)]
    [InlineData(0, 0, 0)]
    public void Add_TwoAmounts_SumsPence(long a, long b, long expected)
    {
        Assert.Equal(new Money(expected), new Money(a) + new Money(b));
    }

    [Theory]
    [InlineData(150, 275, -125)]
    [InlineData(1000, 1, 999)]
    public void Subtract_TwoAmounts_DifferenceInPence(long a, long b, long expected)
    {
        Assert.Equal(new Money(expected), new Money(a) - new Money(b));
    }

    [Fact]
    public void Negate_Amount_FlipsSign()
    {
        Assert.Equal(new Money(-1200), -new Money(1200));
        Assert.Equal(new Money(1200), -new Money(-1200));
    }

    [Fact]
    public void Zero_Always_IsNoPence()
    {
        Assert.Equal(0, Money.Zero.Pence);
        Assert.Equal(new Money(0), Money.Zero);
    }

    [Fact]
    public void ComparisonOperators_SmallerAndLarger_OrderByPence()
    {
        Money small = new(-1), large = new(100);

        Assert.True(small < large);
        Assert.False(large < small);
        Assert.True(large > small);
        Assert.True(small <= large);
        Assert.True(large >= small);
        Assert.True(large <= new Money(100));
        Assert.True(large >= new Money(100));
        Assert.False(large > new Money(100));
    }

    [Theory]
    [InlineData(100, 200, -1)]
    [InlineData(200, 100, 1)]
    [InlineData(150, 150, 0)]
    public void CompareTo_TwoAmounts_SignFollowsPence(long a, long b, int expectedSign)
    {
        Assert.Equal(expectedSign, Math.Sign(new Money(a).CompareTo(new Money(b))));
    }

    [Fact]
    public void Sort_MixedAmounts_OrdersSmallestFirst()
    {
        var amounts = new List<Money> { new(500), new(-200), new(0), new(99) };

        amounts.Sort();

        Assert.Equal(new[] { new Money(-200), new Money(0), new Money(99), new Money(500) }, amounts);
    }

    [Fact]
    public void Equals_SamePence_AreEqual()
    {
        Assert.Equal(new Money(123), Money.FromPounds(1.23m));
        Assert.NotEqual(new Money(123), new Money(124));
    }

    [Theory]
    [InlineData(123456, "£1,234.56")]
    [InlineData(-1200, "-£12.00")]
    [InlineData(0, "£0.00")]
    [InlineData(5, "£0.05")]
    [InlineData(-5, "-£0.05")]
    [InlineData(100, "£1.00")]
    [InlineData(123456789, "£1,234,567.89")]
    public void ToString_Amount_WritesEnGbCurrency(long pence, string expected)
    {
        Assert.Equal(expected, new Money(pence).ToString());
    }

    [Fact]
    public void Add_BeyondLongMaxValue_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
    }

    [Fact]
    public void Subtract_BelowLongMinValue_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
    }

    [Fact]
    public void Negate_LongMinValue_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => -new Money(long.MinValue));
    }

    [Fact]
    public void FromPounds_MorePenceThanLongHolds_IsRefused()
    {
        // £100,000,000,000,000,000 is 10^19 pence; long stops at about 9.22 × 10^18.
        Assert.Throws<DomainException>(() => Money.FromPounds(100_000_000_000_000_000m));
    }

    [Fact]
    public void Times_ResultBeyondLong_IsRefused()
    {
        Assert.Throws<DomainException>(() => new Money(long.MaxValue).Times(2m));
    }

    [Fact]
    public void FromPounds_TooLargeForPence_IsRefusedWithAMessage()
    {
        // long.MaxValue pence is £92,233,720,368,547,758.07; a pound more cannot be held.
        Assert.Equal(new Money(92_233_720_368_547_757_00), Money.FromPounds(92_233_720_368_547_757m));
        var refused = Assert.Throws<DomainException>(() => Money.FromPounds(99_999_999_999_999_999m));
        Assert.Equal("99,999,999,999,999,999.00 pounds is too large an amount of money.", refused.Message);
        Assert.Throws<DomainException>(() => Money.FromPounds(-99_999_999_999_999_999m));
    }
}
