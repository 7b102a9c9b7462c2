using SharedServices.Domain;

namespace SharedServices.Core.Editing;

/// <summary>The "where did this come from" pair every editable fact carries.</summary>
public static class SourceFields
{
    public static SourceReference? ToSource(string? document, string? paragraph) =>
        string.IsNullOrWhiteSpace(document) ? null : new SourceReference(document, paragraph);
}
