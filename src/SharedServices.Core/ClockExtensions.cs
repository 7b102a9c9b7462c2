namespace SharedServices.Core;

public static class ClockExtensions
{
    /// <summary>Today's date by the injected clock, in the server's local time zone (UK time for a council).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
