using FluentValidation;
using SharedServices.Domain;

namespace SharedServices.Core.Editing;

/// <summary>The "where did this come from" pair every editable fact carries: a document and a paragraph.</summary>
public static class SourceFields
{
    public const int MaxLength = 200;

    public static SourceReference? ToSource(string? document, string? paragraph) =>
        string.IsNullOrWhiteSpace(document) ? null : new SourceReference(document, paragraph);

    /// <summary>The rules every form applies to its source fields.</summary>
    public static void AddSourceRules<T>(this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, string?>> document, System.Linq.Expressions.Expression<Func<T, string?>> paragraph)
    {
        var getDocument = document.Compile();
        validator.RuleFor(document).MaximumLength(MaxLength).WithMessage($"Keep the source document to {MaxLength} characters.");
        validator.RuleFor(paragraph).MaximumLength(MaxLength).WithMessage($"Keep the paragraph to {MaxLength} characters.");
        // A separate rule: a When on the chain above would switch off the length check whenever a document is named.
        validator.RuleFor(paragraph).Empty().When(x => string.IsNullOrWhiteSpace(getDocument(x)))
            .WithMessage("Name the source document before its paragraph.");
    }
}
