using ClosedXML.Excel;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Tests.Exports;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Tests.Invoicing;

using SharedServices.Domain.Money;
using static InvoiceWorkbookTests;

/// <summary>
/// The parties' addresses, the provider's VAT registration and how to pay, in the header and the payment instructions
/// of sheet "Invoice". The invoice is <see cref="InvoiceWorkbookTests.Pennies"/>: three lines on rows 13 to 15, totals on
/// rows 17 to 19, so "How to pay" is on row 21 (the subtotal row plus four).
/// </summary>
public sealed class InvoiceWorkbookPartiesTests
{
    private static readonly InvoiceParty Testford = new("Testford & District Council", "TFC")
    {
        // 315 + 73 = 388 = 4 × 97 (see VatRegistrationNumberTests). The account number starts with a 0 to show it stays text.
        Details = InvoicingDetails.Create("Town Hall\nHigh Street\nTestford", "tf1 1aa", "999999973", "Testford & District Council",
            "12 34 56", "01234567", "income@testford.example.gov.uk"),
    };

    private static InvoiceParty Otherby(string firstLine = "Otherby House") => new("Otherby Council", "OBC")
    {
        Details = InvoicingDetails.Create(firstLine, "OB2 3CD", null, null, null, null, null),
    };

    [Fact]
    public void Write_PartiesWithDetails_HeaderShowsAddressesOneLinePerLineAndTheVatRegistration()
    {
        var (file, workbook) = Write(Data(Pennies(), provider: Testford, recipient: Otherby()));
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal(
            ["Testford & District Council", "Town Hall\nHigh Street\nTestford\nTF1 1AA", "GB 999 9999 73", "Otherby Council", "Otherby House\nOB2 3CD"],
            Enumerable.Range(3, 5).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.Equal(["From", "Address", "VAT registration", "To", "Address"], Enumerable.Range(3, 5).Select(r => sheet.Cell(r, 1).GetString()));
        // Wrapped, and rows tall enough for four and two lines at 15 points a line.
        Assert.True(sheet.Cell("B4").Style.Alignment.WrapText);
        Assert.Equal((60d, 30d), (sheet.Row(4).Height, sheet.Row(7).Height));
        Assert.Equal(12, sheet.SheetView.SplitRow); // the line table has not moved
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void Write_ProviderWithBankDetails_HowToPayGivesAccountSortCodeReferenceAndRemittanceEmail()
    {
        var (file, workbook) = Write(Data(Pennies(), provider: Testford, recipient: Otherby()));
        using var _ = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal("How to pay", sheet.Cell("A21").GetString());
        Assert.Equal("Please pay the total by 1 December 2013, 30 days from the invoice date.", sheet.Cell("A22").GetString());
        Assert.Equal("Quote invoice number TFC-2013/14-0001 with your payment, so that it can be matched.", sheet.Cell("A23").GetString());
        Assert.Equal(
            [
                ("Account name", "Testford & District Council"), ("Sort code", "12-34-56"), ("Account number", "01234567"),
                ("Payment reference", "TFC-2013/14-0001"), ("Remittance advice to", "income@testford.example.gov.uk"),
            ],
            Enumerable.Range(24, 5).Select(r => (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 2).GetString())));
        Assert.Equal(XLDataType.Text, sheet.Cell("B26").DataType); // not the number 1234567
        Assert.Equal("Posting codes", sheet.Cell("A30").GetString());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void Write_NothingRecorded_SaysSoInEachPlace()
    {
        var (_, workbook) = Write(Data(Pennies()));
        using var _w = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.Equal(("Address not recorded", "VAT registration not recorded", "Address not recorded"),
            (sheet.Cell("B4").GetString(), sheet.Cell("B5").GetString(), sheet.Cell("B7").GetString()));
        Assert.Equal("Bank details are not recorded here: pay Testford & District Council by the details you hold for them.", sheet.Cell("A24").GetString());
        Assert.Equal("Posting codes", sheet.Cell("A26").GetString());
    }

    [Fact]
    public void Write_OnlyARemittanceEmail_BankDetailsStillSaidToBeMissing()
    {
        var provider = new InvoiceParty("Testford & District Council", "TFC")
        {
            Details = InvoicingDetails.Create(null, null, null, null, null, null, "income@testford.example.gov.uk"),
        };

        var (_, workbook) = Write(Data(Pennies(), provider: provider));
        using var _w = workbook;
        var sheet = workbook.Worksheet("Invoice");

        Assert.StartsWith("Bank details are not recorded here", sheet.Cell("A24").GetString());
        Assert.Equal(("Remittance advice to", "income@testford.example.gov.uk"), (sheet.Cell("A25").GetString(), sheet.Cell("B25").GetString()));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+44 Road")]
    [InlineData("-1 Lane")]
    [InlineData("@Home")]
    public void Write_AddressLineLikeAFormula_ComesBackAsText(string firstLine)
    {
        var (file, workbook) = Write(Data(Pennies(), provider: Testford, recipient: Otherby(firstLine)));
        using var _ = workbook;
        var address = workbook.Worksheet("Invoice").Cell("B7");

        Assert.True(address.DataType == XLDataType.Text && !address.HasFormula, $"{address.GetString()} came back as {address.DataType}");
        Assert.Equal($"{firstLine}\nOB2 3CD", address.GetString());
        Assert.Empty(WorkbookChecks.ValidationErrors(file));
    }

    [Fact]
    public void Write_CreditNote_NoBankDetails()
    {
        var note = new Invoice(InvoiceKind.CreditNote, 1, 1, 2, new DateRange(new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 31)), "October 2013", 30, null, correctsInvoiceId: 7);
        note.AddLine(new InvoiceLine(1, "Educational psychology", RechargeLineKind.Quantity, "2 days × £12.00 difference",
            new DateRange(new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 31)), 2m, "day", new Money(12_00),
            new LineVat(new Money(24_00), VatTreatment.OutsideTheScope, 0m, new Money(0))));
        note.Issue("TFC-CN-2013/14-0001", new DateOnly(2013, 12, 2), TestParties.Any);

        var (_, workbook) = Write(Data(note, corrects: "TFC-2013/14-0003", provider: Testford, recipient: Otherby()));
        using var _w = workbook;
        var sheet = workbook.Worksheet("Invoice");

        // One line on row 13, totals on rows 15 to 17, "About this credit note" on row 19 and its two lines after.
        Assert.Equal("About this credit note", sheet.Cell("A19").GetString());
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.GetString() is "Sort code" or "Account number");
        Assert.Equal("GB 999 9999 73", sheet.Cell("B5").GetString());
    }
}
