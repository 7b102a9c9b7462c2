using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Partnerships;

/// <summary>
/// How many months' notice a party must give to end the partnership. <see cref="Months"/> is null when the
/// agreement's notice period is not stated in the sources (as with Hampshire and the Isle of Wight's
/// "a specified number of months"). An illustrative figure is flagged so that nobody mistakes it for the contract.
/// </summary>
public sealed class NoticePeriod
{
    private NoticePeriod() { }

    public NoticePeriod(int organisationId, int? months, bool isIllustrative, SourceReference? source)
    {
        if (organisationId <= 0) throw new DomainException("Choose which party the notice period applies to.");
        if (months is < 1 or > 120) throw new DomainException("A notice period is between 1 and 120 months.");
        if (isIllustrative && months is null) throw new DomainException("Only a stated figure can be illustrative.");
        OrganisationId = organisationId;
        Months = months;
        IsIllustrative = isIllustrative;
        Source = source;
    }

    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public int? Months { get; private set; }
    public bool IsIllustrative { get; private set; }
    public SourceReference? Source { get; private set; }

    public string Describe() => Months switch
    {
        null => Term.NotStated,
        1 => "1 month",
        { } m => $"{m} months",
    };
}
