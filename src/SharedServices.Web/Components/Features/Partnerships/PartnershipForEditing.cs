using MudBlazor;
using SharedServices.Core.Editing;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Components.Features.Partnerships;

/// <summary>
/// The partnership page keeps only what it shows (<see cref="PartnershipView"/>); a dialog that edits loads the
/// whole partnership when it opens. If someone else saved since the page was loaded, that is the same refusal a save
/// from the stale page would get: nothing opens, and the page reloads to show their changes.
/// </summary>
public static class PartnershipForEditing
{
    /// <summary>The partnership as saved, or null (said in a snackbar) when it changed or went since the page loaded it.</summary>
    public static async Task<Partnership?> LoadAsync(PartnershipDetails details, PartnershipView shown, ISnackbar snackbar)
    {
        var partnership = await details.FindAsync(shown.Code);
        if (partnership is { } current && current.Version == shown.Version) return current;
        snackbar.Add($"{EditConflictException.Partnership().Message} The page now shows their changes.", Severity.Warning);
        return null;
    }
}
