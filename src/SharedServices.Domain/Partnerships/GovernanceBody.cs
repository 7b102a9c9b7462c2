namespace SharedServices.Domain.Partnerships;

/// <summary>A board that oversees the partnership, e.g. a Joint Operational Board.</summary>
public sealed class GovernanceBody
{
    private GovernanceBody() { Name = ""; }

    public GovernanceBody(string name, string? purpose, SourceReference? source)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A governance body needs a name.");
        Name = name.Trim();
        Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
        Source = source;
    }

    public string Name { get; private set; }
    public string? Purpose { get; private set; }
    public SourceReference? Source { get; private set; }
}
