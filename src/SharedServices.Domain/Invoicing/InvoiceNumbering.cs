using System.Globalization;
using System.Text.RegularExpressions;
using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Invoicing;

public enum InvoiceKind
{
    Invoice,
    /// <summary>Bills a difference found after the original was issued (e.g. a backdated pay award).</summary>
    Supplementary,
    CreditNote,
}

/// <summary>
/// Invoice numbers: the provider's short code, the financial year and a sequence that has no gaps, given only when
/// an invoice is issued: SCC-2013/14-0001. Credit notes have their own sequence: SCC-CN-2013/14-0001. Supplementary
/// invoices are invoices and share the invoice sequence.
/// </summary>
public static partial class InvoiceNumbering
{
    public static string Format(string providerCode, InvoiceKind kind, FinancialYear year, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerCode);
        if (sequence < 1) throw new DomainException($"An invoice sequence starts at 1 (it was {sequence}).");
        var series = kind == InvoiceKind.CreditNote ? "-CN" : "";
        return $"{providerCode.Trim().ToUpperInvariant()}{series}-{year}-{sequence.ToString("0000", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Which sequence an invoice of <paramref name="kind"/> takes its number from.</summary>
    public static string Series(InvoiceKind kind) => kind == InvoiceKind.CreditNote ? "CreditNote" : "Invoice";

    /// <summary>Reads a number back into its parts; null when it is not one of ours.</summary>
    public static (string ProviderCode, bool IsCreditNote, FinancialYear Year, int Sequence)? Parse(string? number)
    {
        if (number is null || Pattern().Match(number.Trim()) is not { Success: true } m) return null;
        var start = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture)) return null;
        return (m.Groups["code"].Value, m.Groups["cn"].Success, new FinancialYear(start), int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<code>[A-Z0-9]+)(?<cn>-CN)?-(?<y>[0-9]{4})/(?<yy>[0-9]{2})-(?<seq>[0-9]{4,})$")]
    private static partial Regex Pattern();
}
