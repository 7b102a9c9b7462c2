using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace SharedServices.Core.Editing;

/// <summary>
/// Someone else saved the same thing after this form loaded it, so this save was refused and nothing was written.
/// Kept apart from a broken rule because the answer differs: the form offers to reload the current values.
/// </summary>
public sealed class EditConflictException(string message) : Exception(message)
{
    public static EditConflictException Partnership() =>
        new("This partnership was changed by someone else since you opened it. Nothing was saved.");

    public static EditConflictException Organisation() =>
        new("This organisation was changed by someone else since you opened it. Nothing was saved.");

    public static EditConflictException Activity() =>
        new("This activity was changed or deleted by someone else since you opened it. Nothing was saved.");

    public static EditConflictException BankHolidays(int year) =>
        new($"These bank holidays for {year} were changed by someone else since you opened them. Nothing was saved.");

    public static EditConflictException VatRates() =>
        new("The standard VAT rates were changed by someone else since you opened them. Nothing was saved.");
}

/// <summary>The optimistic check every edit of a versioned row makes before it saves.</summary>
public static class EditVersion
{
    /// <summary>
    /// Refuses the edit if the row is no longer at the version the form loaded (null when the caller loaded nothing,
    /// as a script or the seed loader does), and marks the version changed so that this save bumps it even when only
    /// a child row changes. The database then checks the version again as it writes, so a save landing between this
    /// check and the write is refused too.
    /// </summary>
    public static void Expect<TEntity>(PropertyEntry<TEntity, int> version, int? expected, Func<EditConflictException> conflict) where TEntity : class
    {
        if (expected is { } loaded && version.CurrentValue != loaded) throw conflict();
        version.IsModified = true;
    }
}
