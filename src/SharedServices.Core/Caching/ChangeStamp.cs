namespace SharedServices.Core.Caching;

/// <summary>
/// How many times one area of the data has changed. Every change to the area moves its version on by one, in the
/// same transaction as the change, so every app instance sharing the database sees the new version the moment the
/// change is visible. A cached value remembers the version it was built under and is served only while that is
/// still the version (see <see cref="ChangeStampCache"/>).
/// </summary>
public sealed class ChangeStamp(string area, long version)
{
    public string Area { get; private set; } = area;

    public long Version { get; private set; } = version;
}

/// <summary>The areas whose changes are stamped: what the cached values are built from.</summary>
public static class ChangeArea
{
    /// <summary>Partnerships and everything held with them: parties, terms, decisions, history, services.</summary>
    public const string Partnerships = "Partnerships";

    /// <summary>Organisations and their details.</summary>
    public const string Organisations = "Organisations";

    /// <summary>The bank holidays and the years generated.</summary>
    public const string BankHolidays = "BankHolidays";

    public static readonly IReadOnlyList<string> All = [BankHolidays, Organisations, Partnerships];

    /// <summary>
    /// The area a record belongs to, or null where no cached value is built from it. By namespace for the partnership
    /// and organisation aggregates, so a part added to either later (an owned type, a new child) is stamped too.
    /// </summary>
    public static string? Of(Type recordType) =>
        recordType == typeof(Domain.Dates.BankHoliday) || recordType == typeof(Calendar.BankHolidayYear) ? BankHolidays
        : recordType.Namespace == typeof(Domain.Partnerships.Partnership).Namespace ? Partnerships
        : recordType.Namespace == typeof(Domain.Organisations.Organisation).Namespace ? Organisations
        : null;
}
