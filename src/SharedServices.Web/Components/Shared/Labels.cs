using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Components.Shared;

/// <summary>The words a council officer would use for each of the product's categories.</summary>
public static class Labels
{
    public static string Of(PartnershipKind kind) => kind switch
    {
        PartnershipKind.TradedServices => "Traded services",
        PartnershipKind.StrategicPartnership => "Strategic partnership",
        PartnershipKind.SharedService => "Shared service",
        PartnershipKind.JointVenture => "Joint venture",
        PartnershipKind.BuyBackContract => "Buy-back contract",
        _ => kind.ToString(),
    };

    public static string Of(PartnershipStatus status) => status switch
    {
        PartnershipStatus.InNotice => "In notice",
        _ => status.ToString(),
    };

    public static string Of(PartyRole role) => role switch
    {
        PartyRole.Recipient => "Recipient (commissioner)",
        PartyRole.PrivatePartner => "Private partner",
        _ => role.ToString(),
    };

    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.UnitaryAuthority => "Unitary authority",
        OrganisationKind.CountyCouncil => "County council",
        OrganisationKind.DistrictCouncil => "District council",
        OrganisationKind.MetropolitanBorough => "Metropolitan borough",
        OrganisationKind.LondonBorough => "London borough",
        OrganisationKind.SchoolsGroup => "Schools (as a group)",
        OrganisationKind.AcademyTrust => "Academy trust",
        OrganisationKind.PrivateProvider => "Private provider",
        OrganisationKind.JointVentureCompany => "Joint-venture company",
        _ => kind.ToString(),
    };

    public static string Of(TermEndKind kind) => kind switch
    {
        TermEndKind.FixedDate => "A fixed date",
        TermEndKind.UpToYears => "Up to a number of years",
        TermEndKind.OpenEnded => "Open-ended",
        _ => "Not stated in source",
    };

    public static string Of(TerminationFalls rule) => rule switch
    {
        TerminationFalls.AnyDay => "On any day",
        TerminationFalls.MonthEnd => "At a month end",
        TerminationFalls.QuarterEnd => "At a quarter end",
        TerminationFalls.FinancialYearEnd => "At a financial year end",
        TerminationFalls.AcademicYearEnd => "At an academic year end",
        _ => "Not stated in source",
    };

    /// <summary>Yes / No / not stated, for facts such as "key decision".</summary>
    public static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => Term.NotStated,
    };
}
