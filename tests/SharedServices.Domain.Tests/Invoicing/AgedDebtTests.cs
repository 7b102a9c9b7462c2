using SharedServices.Domain.Invoicing;

namespace SharedServices.Domain.Tests.Invoicing;

using SharedServices.Domain.Money;

public class AgedDebtTests
{
    private static readonly DateOnly Due = new(2013, 10, 31);

    // Due 31 October 2013. 1 November is 1 day overdue; 30 November 30 days; 1 December 31; 30 December 60;
    // 31 December 61; 29 January 2014 90; 30 January 91.
    [Theory]
    [InlineData("2013-10-01", DebtBand.Current)]
    [InlineData("2013-10-31", DebtBand.Current)]
    [InlineData("2013-11-01", DebtBand.Overdue1To30)]
    [InlineData("2013-11-30", DebtBand.Overdue1To30)]
    [InlineData("2013-12-01", DebtBand.Overdue31To60)]
    [InlineData("2013-12-30", DebtBand.Overdue31To60)]
    [InlineData("2013-12-31", DebtBand.Overdue61To90)]
    [InlineData("2014-01-29", DebtBand.Overdue61To90)]
    [InlineData("2014-01-30", DebtBand.OverdueOver90)]
    public void BandOf_EachSideOfEachBoundary(string asOf, DebtBand band) =>
        Assert.Equal(band, AgedDebt.BandOf(Due, DateOnly.Parse(asOf)));

    [Fact]
    public void On_SumsEachRecipientsDebtByBand()
    {
        Debt[] debts =
        [
            new(2, "Isle of Wight Council", "SCC-2013/14-0007", new DateOnly(2013, 12, 1), new Money(900_00)),
            new(2, "Isle of Wight Council", "SCC-2013/14-0003", new DateOnly(2013, 8, 1), new Money(4_500_00)),
            new(2, "Isle of Wight Council", "SCC-2013/14-0004", new DateOnly(2013, 9, 1), new Money(1_200_00)),
            new(3, "Hampshire County Council", "SCC-2013/14-0009", new DateOnly(2013, 11, 15), new Money(250_00)),
            new(3, "Hampshire County Council", "SCC-2013/14-0010", new DateOnly(2013, 11, 15), Money.Zero),
        ];

        // As of 20 November 2013: 0007 is current; 0003 is 111 days overdue; 0004 is 80 days; 0009 is 5 days.
        var rows = AgedDebt.On(new DateOnly(2013, 11, 20), debts);

        Assert.Equal(["Hampshire County Council", "Isle of Wight Council"], rows.Select(r => r.RecipientName));
        Assert.Equal(new Money(250_00), rows[0][DebtBand.Overdue1To30]);
        Assert.Equal((new Money(900_00), new Money(1_200_00), new Money(4_500_00), Money.Zero),
            (rows[1][DebtBand.Current], rows[1][DebtBand.Overdue61To90], rows[1][DebtBand.OverdueOver90], rows[1][DebtBand.Overdue1To30]));
        Assert.Equal(new Money(6_600_00), rows[1].Total);
    }
}
