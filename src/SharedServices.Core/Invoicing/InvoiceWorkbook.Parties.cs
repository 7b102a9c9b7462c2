using ClosedXML.Excel;
using SharedServices.Core.Exports;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Invoicing;

// Who the invoice is between and how to pay it: the parties' addresses, the provider's VAT registration and bank
// details, each where recorded, and otherwise said plainly to be not recorded.
public static partial class InvoiceWorkbook
{
    /// <summary>The height of a line of text at the default 11-point font, in points.</summary>
    private const double LinePoints = 15;

    /// <summary>The party's address, one line per line with the postcode last, or the honest "not recorded".</summary>
    public static string AddressText(InvoiceParty party) =>
        party.Details.PostalLines is { Count: > 0 } lines ? string.Join('\n', lines) : AddressNotRecorded;

    public static string VatText(InvoiceParty party) =>
        party.Details.VatRegistration is { } vat ? VatRegistrationNumber.Format(vat) : VatRegistrationNotRecorded;

    private static int WriteInstructions(IXLWorksheet sheet, int row, InvoiceWorkbookData data)
    {
        var invoice = data.Invoice;
        var heading = sheet.Cell(row++, 1);
        string[] lines = invoice.Kind == InvoiceKind.CreditNote
            ?
            [
                $"No payment is due: this credit note reduces what {data.Recipient.Name} owes {data.Provider.Name}" +
                (data.CorrectsInvoiceNumber is { } corrects ? $" on invoice {corrects}." : "."),
                $"Quote credit note number {invoice.Number} when you set it against the invoice.",
            ]
            :
            [
                $"Please pay the total by {DateText.Long(invoice.DueOn!.Value)}, {invoice.PaymentTermsDays} days from the invoice date.",
                $"Quote invoice number {invoice.Number} with your payment, so that it can be matched.",
                .. data.Provider.Details.HasBankDetails ? [] : new[] { BankDetailsNotRecorded(data.Provider.Name) },
            ];
        SafeText.Write(heading, invoice.Kind == InvoiceKind.CreditNote ? "About this credit note" : "How to pay");
        heading.Style.Font.Bold = true;
        foreach (var text in lines) SafeText.Write(sheet.Cell(row++, 1), text);
        if (invoice.Kind == InvoiceKind.CreditNote) return row;

        var details = data.Provider.Details;
        if (details.HasBankDetails)
        {
            // Label and value, as in the header, so each can be copied into a bank's payment screen. The account
            // number is text: a number would lose a leading zero.
            Detail(sheet, row++, 1, "Account name", details.BankAccountName);
            Detail(sheet, row++, 1, "Sort code", UkBankAccount.FormatSortCode(details.SortCode!));
            Detail(sheet, row++, 1, "Account number", details.AccountNumber);
            Detail(sheet, row++, 1, "Payment reference", invoice.Number);
        }
        if (details.RemittanceEmail is { } email) Detail(sheet, row++, 1, "Remittance advice to", email);
        return row;
    }

    /// <summary>What the workbook says in place of bank details the provider has not recorded.</summary>
    public static string BankDetailsNotRecorded(string providerName) =>
        $"Bank details are not recorded here: pay {providerName} by the details you hold for them.";
}
