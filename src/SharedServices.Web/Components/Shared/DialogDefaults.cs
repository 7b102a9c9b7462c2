using MudBlazor;

namespace SharedServices.Web.Components.Shared;

/// <summary>How every dialog opens: Escape closes it (as Cancel would), and the focus starts inside it.</summary>
public static class DialogDefaults
{
    /// <summary>A form in a dialog; the dialog itself puts the focus in its first field.</summary>
    public static DialogOptions Form => new()
    {
        MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, DefaultFocus = DefaultFocus.None,
    };

    /// <summary>A question before removing something; the dialog itself puts the focus on Keep.</summary>
    public static DialogOptions Confirmation => new()
    {
        MaxWidth = MaxWidth.ExtraSmall, CloseOnEscapeKey = true, DefaultFocus = DefaultFocus.None,
    };

    /// <summary>Asks <paramref name="question"/>; true only when the user chooses <paramref name="action"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string question, string action = "Remove")
    {
        var parameters = new DialogParameters<ConfirmDialog> { { d => d.Question, question }, { d => d.Action, action } };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, Confirmation);
        return await dialog.Result is { Canceled: false };
    }
}
