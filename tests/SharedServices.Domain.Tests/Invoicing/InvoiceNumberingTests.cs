using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Domain.Tests.Invoicing;

public class InvoiceNumberingTests
{
    [Theory]
    [InlineData("SCC", InvoiceKind.Invoice, 2013, 1, "SCC-2013/14-0001")]
    [InlineData("scc", InvoiceKind.Supplementary, 2013, 17, "SCC-2013/14-0017")]
    [InlineData("IWC", InvoiceKind.CreditNote, 2009, 3, "IWC-CN-2009/10-0003")]
    [InlineData("HBC", InvoiceKind.Invoice, 1999, 12345, "HBC-1999/00-12345")]
    public void Format_ProviderYearAndSequence(string code, InvoiceKind kind, int year, int sequence, string expected)
    {
        var number = InvoiceNumbering.Format(code, kind, new FinancialYear(year), sequence);

        Assert.Equal(expected, number);
        Assert.Equal((code.ToUpperInvariant(), kind == InvoiceKind.CreditNote, new FinancialYear(year), sequence), InvoiceNumbering.Parse(number));
    }

    [Theory]
    [InlineData("SCC-2013/15-0001")]
    [InlineData("SCC-2013/14-01")]
    [InlineData("SCC 2013/14 0001")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotOneOfOurs_IsNull(string? number) => Assert.Null(InvoiceNumbering.Parse(number));

    [Fact]
    public void Format_SequenceFromOne() =>
        Assert.Throws<DomainException>(() => InvoiceNumbering.Format("SCC", InvoiceKind.Invoice, new FinancialYear(2013), 0));
}
