using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;

namespace SharedServices.Domain.Partnerships;

/// <summary>
/// A service in scope of a partnership, provided by one party to another, such as Southampton's educational
/// psychology for the Isle of Wight. Flows can run both ways inside one partnership, so each service names
/// its own provider and recipient.
/// </summary>
public sealed class TradedService
{
    private TradedService() { Name = ""; }

    public TradedService(string name, int providerId, int recipientId, string? description = null,
        DateOnly? startDate = null, DateOnly? endDate = null, SourceReference? source = null)
    {
        Name = "";
        Update(name, providerId, recipientId, description, startDate, endDate, source);
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public int ProviderId { get; private set; }
    public Organisation? Provider { get; private set; }
    public int RecipientId { get; private set; }
    public Organisation? Recipient { get; private set; }
    public string? Description { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public SourceReference? Source { get; private set; }

    public void Update(string name, int providerId, int recipientId, string? description,
        DateOnly? startDate, DateOnly? endDate, SourceReference? source)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A service needs a name.");
        if (providerId <= 0 || recipientId <= 0) throw new DomainException("A service needs a provider and a recipient.");
        if (providerId == recipientId) throw new DomainException("A service's provider and recipient must be different organisations.");
        if (startDate is { } s && endDate is { } e && e < s)
            throw new DomainException($"The service ends ({DateText.Long(e)}) before it starts ({DateText.Long(s)}).");
        Name = name.Trim();
        ProviderId = providerId;
        RecipientId = recipientId;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        StartDate = startDate;
        EndDate = endDate;
        Source = source;
    }
}
