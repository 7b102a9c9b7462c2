namespace SharedServices.Domain.Vat;

/// <summary>
/// How VAT applies to what one council charges another for a traded service. Chosen per service and
/// effective-dated (see <see cref="VatTreatmentHistory"/>), because a service's terms can change, e.g. when a
/// statutory function becomes a commercial secondment.
/// </summary>
public enum VatTreatment
{
    /// <summary>
    /// Outside the scope (non-business): no VAT at all. A function discharged for another council under s101 of
    /// the Local Government Act 1972 is usually outside the scope, because one authority is doing the other's
    /// statutory duty rather than trading.
    /// </summary>
    OutsideTheScope,

    /// <summary>
    /// Exempt: a supply, but VAT is not charged, for example under the cost-sharing exemption for a group
    /// recovering only its members' shares of joint costs.
    /// </summary>
    Exempt,

    /// <summary>Zero-rated: a taxable supply charged at 0%.</summary>
    ZeroRated,

    /// <summary>
    /// Standard-rated: VAT at the standard rate in force on the tax point date. Staff seconded on commercial terms
    /// are usually standard-rated.
    /// </summary>
    StandardRated,
}

/// <summary>Names and guidance for <see cref="VatTreatment"/>, worded for a finance officer.</summary>
public static class VatTreatmentText
{
    /// <summary>The guidance shown beside the VAT treatment field.</summary>
    public const string Guidance =
        "A function discharged for another council under s101 of the Local Government Act 1972 is usually outside " +
        "the scope of VAT. Staff seconded on commercial terms are usually standard-rated.";

    /// <summary>The treatment as a finance officer would name it ("Outside the scope (non-business)").</summary>
    public static string DisplayName(this VatTreatment treatment) => treatment switch
    {
        VatTreatment.OutsideTheScope => "Outside the scope (non-business)",
        VatTreatment.Exempt => "Exempt",
        VatTreatment.ZeroRated => "Zero-rated",
        VatTreatment.StandardRated => "Standard-rated",
        _ => throw new DomainException($"VAT treatment: {(int)treatment} is not a treatment this product knows."),
    };

    /// <summary>Guidance for one treatment, for a hint under the selected option.</summary>
    public static string Hint(this VatTreatment treatment) => treatment switch
    {
        VatTreatment.OutsideTheScope =>
            "Usually right for a function discharged for another council under s101 of the Local Government Act 1972.",
        VatTreatment.Exempt => "For example the cost-sharing exemption: no VAT is charged.",
        VatTreatment.ZeroRated => "A taxable supply charged at 0%.",
        VatTreatment.StandardRated =>
            "VAT at the standard rate on the tax point date. Staff seconded on commercial terms are usually standard-rated.",
        _ => throw new DomainException($"VAT treatment: {(int)treatment} is not a treatment this product knows."),
    };
}
