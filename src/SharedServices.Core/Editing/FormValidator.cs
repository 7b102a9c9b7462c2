using FluentValidation;

namespace SharedServices.Core.Editing;

/// <summary>
/// A FluentValidation validator that MudForm can call field by field (through <see cref="ValidateValue"/>) and
/// that the use case runs again, whole, before saving. One set of rules, two places.
/// </summary>
public abstract class FormValidator<T> : AbstractValidator<T>
{
    /// <summary>For a MudForm field's Validation parameter: the errors for one property of the model.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };

    /// <summary>Runs every rule and throws a <see cref="ValidationException"/> naming each field that is wrong.</summary>
    public async Task CheckAsync(T model, CancellationToken cancel = default)
    {
        var result = await ValidateAsync(model, cancel);
        if (!result.IsValid) throw new ValidationException(result.Errors);
    }
}

/// <summary>
/// Rules written once for every form, with messages that start with the field's label as the user sees it
/// ("Summary: …"), so a message makes sense in the error summary as well as under its field.
/// </summary>
public static class FormRules
{
#nullable disable annotations
    /// <summary>At most <paramref name="max"/> characters, saying how many there are.</summary>
    public static IRuleBuilderOptions<T, string> MaxLength<T>(this IRuleBuilder<T, string> rule, string label, int max) =>
        rule.MaximumLength(max).WithName(label)
            .WithMessage((_, text) => $"{label}: keep it to {max:N0} characters (it has {text?.Length ?? 0:N0}).");
#nullable restore annotations

    /// <summary>A whole number from <paramref name="from"/> to <paramref name="to"/> when one is given.</summary>
    public static IRuleBuilderOptions<T, int?> NumberFrom<T>(this IRuleBuilder<T, int?> rule, string label, int from, int to) =>
        rule.InclusiveBetween(from, to).WithName(label).WithMessage($"{label}: enter a number from {from:N0} to {to:N0}.");
}
