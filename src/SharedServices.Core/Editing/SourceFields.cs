using FluentValidation;
using SharedServices.Domain;

namespace SharedServices.Core.Editing;

/// <summary>The "where did this come from" pair every editable fact carries: a document and a paragraph.</summary>
public static class SourceFields
{
    public const int MaxLength = 200;

    /// <summary>The fields' labels, which start their messages.</summary>
    public const string DocumentLabel = "Source document", ParagraphLabel = "Paragraph";

    public static SourceReference? ToSource(string? document, string? paragraph) =>
        string.IsNullOrWhiteSpace(document) ? null : new SourceReference(document, paragraph);

    /// <summary>The rules every form applies to its source fields.</summary>
    public static void AddSourceRules<T>(this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, string?>> document, System.Linq.Expressions.Expression<Func<T, string?>> paragraph)
    {
        var getDocument = document.Compile();
        validator.RuleFor(document).MaxLength(DocumentLabel, MaxLength);
        validator.RuleFor(paragraph).MaxLength(ParagraphLabel, MaxLength);
        // A separate rule: a When on the chain above would switch off the length check whenever a document is named.
        validator.RuleFor(paragraph).Empty().When(x => string.IsNullOrWhiteSpace(getDocument(x)))
            .WithName(ParagraphLabel).WithMessage($"{ParagraphLabel}: name the source document before its paragraph.");
    }
}
