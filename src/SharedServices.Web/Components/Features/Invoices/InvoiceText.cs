using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Web.Components.Features.Invoices;

using SharedServices.Domain.Money;

/// <summary>The words a finance officer uses for invoices, and reading the amounts they type.</summary>
public static class InvoiceText
{
    public static string Of(InvoiceKind kind) => kind switch
    {
        InvoiceKind.Supplementary => "Supplementary invoice",
        InvoiceKind.CreditNote => "Credit note",
        _ => "Invoice",
    };

    public static string Of(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PartPaid => "Part-paid",
        _ => status.ToString(),
    };

    public static string Of(RechargeRunStatus status) => status.ToString();

    /// <summary>An invoice's number, or "Draft" before it is issued.</summary>
    public static string NumberOrDraft(string? number) => number ?? "Draft";

    /// <summary>
    /// Reads pounds and pence as typed ("£1,234.56", "1234.5", "10000"); the problem names the field
    /// (<paramref name="label"/>) when it is not an amount more than £0.00 in whole pence.
    /// </summary>
    public static bool TryReadMoney(string? text, string label, out Money amount, out string problem)
    {
        amount = Money.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "£")
        {
            problem = $"{label}: enter an amount in pounds and pence, e.g. 1,234.56.";
            return false;
        }
        // One rule for typed pounds everywhere (PoundsText): thousands commas only where they belong, so "1,00.00"
        // is refused rather than read as £100.00. A minus is read, then refused below as not more than £0.00.
        if (!PoundsText.TryRead(text.Trim().Replace("£ ", "£", StringComparison.Ordinal), out var pounds)
            || pounds != Math.Round(pounds, 2) || pounds > 1_000_000_000m)
        {
            problem = $"{label}: \"{text!.Trim()}\" is not an amount in pounds and pence, e.g. 1,234.56.";
            return false;
        }
        if (pounds <= 0)
        {
            problem = $"{label}: enter more than £0.00.";
            return false;
        }
        amount = Money.FromPounds(pounds);
        problem = "";
        return true;
    }

    /// <summary>
    /// The field a message from the Core is about: its messages start with the field's label ("Amount: …"), so the
    /// message can be shown on that field. Null when it names none of <paramref name="fields"/>.
    /// </summary>
    public static string? FieldOf(string message, IReadOnlyDictionary<string, string> fields) =>
        fields.FirstOrDefault(f => message.StartsWith(f.Key + ":", StringComparison.Ordinal)).Value;
}
