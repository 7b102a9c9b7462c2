namespace SharedServices.Domain.Organisations;

/// <summary>
/// What an invoice needs to say about an organisation beyond its name: where it is (the postal address an invoice is
/// addressed to or sent from), its VAT registration number (a VAT invoice must show the supplier's), and how to pay
/// it (the bank account a payment goes to and the e-mail address remittance advice is sent to). Every part is
/// optional: an invoice says "not recorded" for what is missing rather than guess. A part given is complete: an
/// address has its postcode; bank details have the account name, sort code and account number together.
/// </summary>
public sealed record InvoicingDetails
{
    public const int AddressMaxLength = 600, AddressMaxLines = 6, AddressLineMaxLength = 100, PostcodeMaxLength = 8,
        VatRegistrationMaxLength = 14, AccountNameMaxLength = 70, SortCodeLength = 6, AccountNumberLength = 8, EmailMaxLength = 254;

    /// <summary>Nothing recorded.</summary>
    public static InvoicingDetails None { get; } = new();

    // For EF Core, which fills the properties from their columns.
    private InvoicingDetails() { }

    /// <summary>
    /// The details as typed: <paramref name="address"/> has one line per line of text (without the postcode); spaces,
    /// hyphens and case in codes are tidied. Throws a <see cref="DomainException"/> naming the first field that is wrong.
    /// </summary>
    public static InvoicingDetails Create(string? address, string? postcode, string? vatRegistration,
        string? bankAccountName, string? sortCode, string? accountNumber, string? remittanceEmail)
    {
        var lines = SplitLines(address);
        if (lines.Count > AddressMaxLines) throw new DomainException($"Address: use at most {AddressMaxLines} lines (it has {lines.Count}).");
        if (lines.FirstOrDefault(l => l.Length > AddressLineMaxLength) is { } longLine)
            throw new DomainException($"Address: keep each line to {AddressLineMaxLength} characters (\"{longLine[..20]}…\" has {longLine.Length}).");
        var joined = lines.Count == 0 ? null : string.Join('\n', lines);
        if (joined?.Length > AddressMaxLength) throw new DomainException($"Address: keep it to {AddressMaxLength} characters.");

        var code = Blank(postcode) ? null : UkPostcode.Normalise(postcode)
            ?? throw new DomainException($"Postcode: '{postcode!.Trim()}' is not a UK postcode; write it as, for example, PO30 1UD.");
        if (joined is not null && code is null) throw new DomainException("Postcode: an address needs its postcode.");
        if (joined is null && code is not null) throw new DomainException("Address: enter the address that goes with the postcode.");

        var vat = Blank(vatRegistration) ? null : VatRegistrationNumber.Normalise(vatRegistration)
            ?? throw new DomainException($"VAT registration number: '{vatRegistration!.Trim()}' is not a UK VAT registration number.");

        var name = Blank(bankAccountName) ? null : bankAccountName!.Trim();
        if (name?.Length > AccountNameMaxLength) throw new DomainException($"Account name: keep it to {AccountNameMaxLength} characters.");
        var sort = Blank(sortCode) ? null : UkBankAccount.NormaliseSortCode(sortCode)
            ?? throw new DomainException("Sort code: a sort code is six digits, such as 12-34-56.");
        var account = Blank(accountNumber) ? null : UkBankAccount.NormaliseAccountNumber(accountNumber)
            ?? throw new DomainException("Account number: an account number is eight digits.");
        if ((name, sort, account) is not (null, null, null) && (name is null || sort is null || account is null))
            throw new DomainException("Bank details: give the account name, sort code and account number together, or none of them.");

        var email = Blank(remittanceEmail) ? null : remittanceEmail!.Trim();
        if (email is not null && !IsEmailShape(email))
            throw new DomainException($"Remittance e-mail: '{email}' is not an e-mail address.");

        return new InvoicingDetails
        {
            Address = joined, Postcode = code, VatRegistration = vat,
            BankAccountName = name, SortCode = sort, AccountNumber = account, RemittanceEmail = email,
        };
    }

    /// <summary>The address lines without the postcode, one per line, as typed.</summary>
    public string? Address { get; private init; }

    /// <summary>In Royal Mail's form, "PO30 1UD".</summary>
    public string? Postcode { get; private init; }

    /// <summary>Without spaces, "GB999999973"; shown through <see cref="VatRegistrationNumber.Format"/>.</summary>
    public string? VatRegistration { get; private init; }

    /// <summary>The name the bank account is held in, which a payer's bank may check against the account.</summary>
    public string? BankAccountName { get; private init; }

    /// <summary>Six digits, "123456"; shown through <see cref="UkBankAccount.FormatSortCode"/>.</summary>
    public string? SortCode { get; private init; }

    public string? AccountNumber { get; private init; }

    /// <summary>Where a payer sends remittance advice, so the payment can be matched to the invoice.</summary>
    public string? RemittanceEmail { get; private init; }

    /// <summary>The address lines then the postcode, for printing one per line; empty when no address is recorded.</summary>
    public IReadOnlyList<string> PostalLines =>
        Address is null || Postcode is null ? [] : [.. Address.Split('\n'), Postcode];

    /// <summary>The address and VAT registration alone: what an invoice shows of its recipient.</summary>
    public InvoicingDetails WithoutPaymentDetails() =>
        this with { BankAccountName = null, SortCode = null, AccountNumber = null, RemittanceEmail = null };

    public bool HasBankDetails => BankAccountName is not null && SortCode is not null && AccountNumber is not null;

    /// <summary>
    /// Something, an @, then a domain with a dot: enough to catch a typing slip. Whether the mailbox exists can only
    /// be learnt by writing to it.
    /// </summary>
    public static bool IsEmailShape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var email = text.Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length <= EmailMaxLength && at > 0 && at == email.LastIndexOf('@')
            && email.LastIndexOf('.') is var dot && dot > at + 1 && dot < email.Length - 1
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }

    /// <summary>Lines of typed text, each trimmed, blank ones dropped.</summary>
    public static IReadOnlyList<string> SplitLines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
