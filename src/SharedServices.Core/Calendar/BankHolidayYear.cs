namespace SharedServices.Core.Calendar;

/// <summary>
/// A year whose bank holidays have been generated into the reference data. Recorded so that a year is generated
/// once: after that the rows are the administrator's to correct, and a deleted holiday stays deleted.
/// </summary>
public sealed class BankHolidayYear(int year)
{
    public int Year { get; private set; } = year;

    /// <summary>How many times the year's holidays have been changed; the bank holidays page compares it to notice someone else's change.</summary>
    public int Version { get; private set; }
}
