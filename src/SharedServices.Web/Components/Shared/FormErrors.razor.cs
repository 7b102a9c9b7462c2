using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SharedServices.Core.Editing;
using SharedServices.Domain;

namespace SharedServices.Web.Components.Shared;

/// <summary>One problem in a form: what to do, and the id of the field it is about (null for the form as a whole).</summary>
public sealed record FormError(string Message, string? FieldId = null);

public partial class FormErrors
{
    private readonly Dictionary<string, string> _unreadable = [];
    private IReadOnlyList<FormError> _errors = [];
    private ElementReference _box;
    private bool _focusPending;
    private IJSObjectReference? _module;
    private string? _conflict;

    /// <summary>The form the summary belongs to.</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <summary>The summary's element id; unique on the page.</summary>
    [Parameter] public string Id { get; set; } = "error-summary";

    /// <summary>
    /// Loads what is stored now, after a save refused because someone else saved first (the form again, or the page
    /// under a dialog). The summary clears its refusal before calling it.
    /// </summary>
    [Parameter] public EventCallback OnReload { get; set; }

    /// <summary>
    /// The submit step every form shares. Checks every field (errors appear on them) and the whole model; when
    /// anything is wrong, shows the summary and moves focus to it. Otherwise saves, turning the failures a user can
    /// fix into the summary, and confirms a save with <paramref name="savedMessage"/> in a snackbar.
    /// </summary>
    /// <param name="fieldId">The element id of the field that edits a model property (e.g. "Notices[1].Amount").</param>
    public async Task<bool> SaveAsync<TModel>(MudForm form, FormValidator<TModel> validator, TModel model,
        Func<string, string?> fieldId, Func<Task> save, string savedMessage)
    {
        await form.ValidateAsync();
        var result = await validator.ValidateAsync(model);
        var errors = Unreadable().Concat(FromFailures(result.Errors, fieldId)).ToList();
        if (errors.Count == 0 && !form.IsValid) errors = form.Errors.Distinct().Select(e => new FormError(e)).ToList();
        if (errors.Count > 0)
        {
            Show(errors);
            return false;
        }
        return await SaveAsync(save, savedMessage, fieldId);
    }

    /// <summary>Saves; on success confirms in a snackbar, otherwise shows what went wrong. Returns whether it saved.</summary>
    public async Task<bool> SaveAsync(Func<Task> save, string savedMessage, Func<string, string?>? fieldId = null)
    {
        try
        {
            await save();
        }
        catch (EditConflictException ex)
        {
            // Nothing was saved and the user's typing stays in the form; the refusal offers Reload.
            Show([]);
            _conflict = ex.Message;
            StateHasChanged();
            return false;
        }
        catch (DomainException ex)
        {
            Show([new FormError(ex.Message)]);
            return false;
        }
        catch (FluentValidation.ValidationException ex)
        {
            Show(FromFailures(ex.Errors, fieldId ?? (_ => null)).ToList());
            return false;
        }
        Confirm(savedMessage);
        return true;
    }

    /// <summary>Hides the summary and confirms a save in a snackbar.</summary>
    public void Confirm(string savedMessage)
    {
        Show([]);
        // Neutral (dark) rather than success green, whose white text fails WCAG contrast; no fade, since half-faded
        // text fails it too; and six seconds, long enough to read.
        Snackbar.Add(savedMessage, Severity.Normal, options =>
        {
            options.ShowTransitionDuration = 0;
            options.HideTransitionDuration = 0;
            options.VisibleStateDuration = 6000;
        });
    }

    /// <summary>Shows <paramref name="errors"/> (none hides the summary) and, if there are any, moves focus to them.</summary>
    public void Show(IReadOnlyList<FormError> errors)
    {
        _conflict = null;
        _errors = errors;
        _focusPending = errors.Count > 0;
        StateHasChanged();
    }

    /// <summary>Text in a field that cannot be read (a date field's), or null once it can; keyed by the field's id.</summary>
    public void SetUnreadable(string fieldId, string? problem)
    {
        if (problem is not null)
        {
            _unreadable[fieldId] = problem;
            return;
        }
        _unreadable.Remove(fieldId);
        // The field now holds a date that can be read (or nothing): a shown problem about it is stale, so it goes.
        if (_errors.Any(e => e.FieldId == fieldId))
        {
            _errors = _errors.Where(e => e.FieldId != fieldId).ToList();
            _ = InvokeAsync(StateHasChanged);
        }
    }

    /// <summary>The problems with text that cannot be read, linked to their fields.</summary>
    public IEnumerable<FormError> Unreadable() => _unreadable.Select(u => new FormError(u.Value, u.Key));

    /// <summary>
    /// The index and the rest of a property path inside a list, e.g. ("Notices[1].Amount", "Notices") → (1, "Amount");
    /// null for any other path.
    /// </summary>
    public static (int Index, string Property)? InList(string path, string list)
    {
        if (!path.StartsWith(list + "[", StringComparison.Ordinal)) return null;
        var close = path.IndexOf(']', list.Length);
        return close > 0 && int.TryParse(path.AsSpan(list.Length + 1, close - list.Length - 1), out var index)
            ? (index, path[(close + 1)..].TrimStart('.'))
            : null;
    }

    private static IEnumerable<FormError> FromFailures(IEnumerable<ValidationFailure> failures, Func<string, string?> fieldId) =>
        failures.DistinctBy(f => (f.ErrorMessage, f.PropertyName)).Select(f => new FormError(f.ErrorMessage, fieldId(f.PropertyName)));

    /// <summary>Runs a save and turns the failures a user can fix into messages; returns true when it saved.</summary>
    public static async Task<(bool Saved, IReadOnlyList<string> Errors)> TrySave(Func<Task> save)
    {
        try
        {
            await save();
            return (true, []);
        }
        catch (DomainException ex)
        {
            return (false, [ex.Message]);
        }
        catch (FluentValidation.ValidationException ex)
        {
            return (false, ex.Errors.Select(e => e.ErrorMessage).Distinct().ToList());
        }
    }

    private async Task ReloadAsync()
    {
        Show([]);
        await OnReload.InvokeAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusPending || _errors.Count == 0) return;
        _focusPending = false;
        await _box.FocusAsync();
    }

    // A link's own jump would only scroll; this puts the cursor in the field, as the error summary promises.
    private async Task FocusFieldAsync(string fieldId)
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Shared/FormErrors.razor.js");
        await _module.InvokeVoidAsync("focusField", fieldId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit has gone; so has the module.
        }
    }
}
