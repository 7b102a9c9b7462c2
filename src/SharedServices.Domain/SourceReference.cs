namespace SharedServices.Domain;

/// <summary>
/// Where a fact came from: the council document (seed file name or committee paper) and the paragraph in it.
/// A board member checking a fact should be able to open the paper and find the words.
/// </summary>
public sealed class SourceReference
{
    public SourceReference(string document, string? paragraph)
    {
        if (string.IsNullOrWhiteSpace(document)) throw new DomainException("A source must name its document.");
        Document = document.Trim();
        Paragraph = string.IsNullOrWhiteSpace(paragraph) ? null : paragraph.Trim();
    }

    private SourceReference() { Document = ""; }

    public string Document { get; private set; }
    public string? Paragraph { get; private set; }

    public override string ToString() => Paragraph is null ? Document : $"{Document}, {Paragraph}";
}
