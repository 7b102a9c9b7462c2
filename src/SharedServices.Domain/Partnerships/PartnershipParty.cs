using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Partnerships;

/// <summary>An organisation's place in a partnership and the part it plays.</summary>
public sealed class PartnershipParty
{
    private PartnershipParty() { }

    public PartnershipParty(int organisationId, PartyRole role)
    {
        if (organisationId <= 0) throw new DomainException("Choose the organisation for each party.");
        OrganisationId = organisationId;
        Role = role;
    }

    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public PartyRole Role { get; private set; }
}
