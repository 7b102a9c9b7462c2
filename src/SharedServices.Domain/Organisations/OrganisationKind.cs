namespace SharedServices.Domain.Organisations;

/// <summary>What sort of body a party to a partnership is.</summary>
public enum OrganisationKind
{
    UnitaryAuthority,
    CountyCouncil,
    DistrictCouncil,
    MetropolitanBorough,
    LondonBorough,
    School,
    /// <summary>The schools of an area acting as buyers, where no single school is named.</summary>
    SchoolsGroup,
    AcademyTrust,
    PrivateProvider,
    JointVentureCompany,
}
