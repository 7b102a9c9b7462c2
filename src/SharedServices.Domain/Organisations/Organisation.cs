using System.Text.RegularExpressions;

namespace SharedServices.Domain.Organisations;

/// <summary>
/// A party to partnerships: a council, a school, a trust or a private provider. Councils carry their
/// ONS/GSS code (E06000046 for the Isle of Wight) so they can be matched against government returns.
/// </summary>
public sealed partial class Organisation
{
    private Organisation() { Name = ShortCode = ""; }

    public Organisation(string name, string shortCode, OrganisationKind kind, string? gssCode = null, string? notes = null)
    {
        Name = ShortCode = "";
        Update(name, shortCode, kind, gssCode, notes);
    }

    public int Id { get; private set; }

    /// <summary>How many times the organisation has been saved; a form compares it to notice someone else's save.</summary>
    public int Version { get; private set; }

    public string Name { get; private set; }

    /// <summary>The code finance teams use in invoice numbers and reports, e.g. SCC, IWC, HCC.</summary>
    public string ShortCode { get; private set; }
    public OrganisationKind Kind { get; private set; }
    public string? GssCode { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>
    /// How many working days after publication a decision can be called in, under this council's constitution.
    /// Five is usual; some constitutions differ.
    /// </summary>
    public int CallInWorkingDays { get; private set; } = DefaultCallInWorkingDays;

    public const int DefaultCallInWorkingDays = 5;

    /// <summary>Address, VAT registration and bank details, as its invoices show them; <see cref="InvoicingDetails.None"/> until recorded.</summary>
    public InvoicingDetails Invoicing { get; private set; } = InvoicingDetails.None;

    public void SetInvoicingDetails(InvoicingDetails details) => Invoicing = details ?? throw new ArgumentNullException(nameof(details));

    public void SetCallInWorkingDays(int days)
    {
        if (days is < 1 or > 30) throw new DomainException("A call-in period is between 1 and 30 working days.");
        CallInWorkingDays = days;
    }

    public void Update(string name, string shortCode, OrganisationKind kind, string? gssCode, string? notes)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("An organisation needs a name.");
        if (string.IsNullOrWhiteSpace(shortCode) || !ShortCodePattern().IsMatch(shortCode.Trim()))
            throw new DomainException("A short code is 2 to 10 capital letters or digits, such as IWC.");
        gssCode = string.IsNullOrWhiteSpace(gssCode) ? null : gssCode.Trim().ToUpperInvariant();
        if (gssCode is not null && !IsValidGssCode(gssCode))
            throw new DomainException($"'{gssCode}' is not a GSS code: a letter and eight digits, such as E06000046.");
        Name = name.Trim();
        ShortCode = shortCode.Trim();
        Kind = kind;
        GssCode = gssCode;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    public static bool IsValidGssCode(string code) => GssPattern().IsMatch(code);

    public static bool IsValidShortCode(string code) => ShortCodePattern().IsMatch(code);

    [GeneratedRegex(@"^[EWSN][0-9]{8}\z")]
    private static partial Regex GssPattern();

    [GeneratedRegex(@"^[A-Z0-9]{2,10}\z")]
    private static partial Regex ShortCodePattern();
}
