namespace SharedServices.Core.Access;

/// <summary>
/// Accounts for trying every view on a developer's machine: each role at two councils with no partnership in common
/// (Isle of Wight and Halton), so that the scoping can be seen. Made only in Development, only when there are no
/// accounts yet; a production database starts with none (the first administrator comes from <c>users add --admin</c>).
/// The README lists them.
/// </summary>
public static class DemoUsers
{
    /// <summary>Every demo account's password. Public on purpose: these accounts exist only in Development.</summary>
    public const string Password = "try-every-view-2026";

    public static readonly IReadOnlyList<NewAccount> All =
    [
        .. Council("IWC", "iwc", "Isle of Wight"),
        .. Council("HBC", "halton", "Halton"),
    ];

    private static IEnumerable<NewAccount> Council(string code, string domain, string place) =>
    [
        new($"admin@{domain}.example", $"{place} Administrator", code, [Roles.Administrator], Password),
        new($"finance@{domain}.example", $"{place} Finance Officer", code, [Roles.FinanceOfficer], Password),
        new($"director@{domain}.example", $"{place} Director", code, [Roles.Director], Password),
        new($"board@{domain}.example", $"{place} Board Member", code, [Roles.BoardMember], Password),
    ];

    /// <summary>Adds the demo accounts if there are no accounts at all; returns how many were added.</summary>
    public static async Task<int> EnsureAsync(UserAccounts accounts, CancellationToken cancel = default)
    {
        if ((await accounts.ListAsync(cancel)).Count > 0) return 0;
        foreach (var account in All) await accounts.AddAsync(account, cancel);
        return All.Count;
    }
}
