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
