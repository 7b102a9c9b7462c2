using SharedServices.Domain.Notice;
using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Partnerships;

/// <summary>
/// How much notice a party must give to end the partnership: months, weeks or days. <see cref="Length"/> is null
/// when the agreement's notice period is not stated in the sources (as with Hampshire and the Isle of Wight's
/// "a specified number of months"). An illustrative figure is flagged so that nobody mistakes it for the contract.
/// </summary>
public sealed class NoticePeriod
{
    private NoticePeriod() { }

    public NoticePeriod(int organisationId, NoticeLength? length, bool isIllustrative, SourceReference? source)
    {
        if (organisationId <= 0) throw new DomainException("Choose which party the notice period applies to.");
        if (isIllustrative && length is null) throw new DomainException("Only a stated figure can be illustrative.");
        OrganisationId = organisationId;
        Amount = length?.Amount;
        Unit = length?.Unit ?? NoticeUnit.Months;
        IsIllustrative = isIllustrative;
        Source = source;
    }

    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }

    // Stored as two columns; read through Length.
    public int? Amount { get; private set; }
    public NoticeUnit Unit { get; private set; }
    public bool IsIllustrative { get; private set; }
    public SourceReference? Source { get; private set; }

    public NoticeLength? Length => Amount is { } amount ? new NoticeLength(amount, Unit) : null;

    public string Describe() => Length?.ToString() ?? Term.NotStated;
}
