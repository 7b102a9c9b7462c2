namespace SharedServices.Web.Tests.Harness;

/// <summary>A clock stopped at noon (UTC) on one day, so pages that say "ahead" or "ended" can be tested on any date.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    /// <summary>The day the clock shows; a test may move it before rendering.</summary>
    public DateOnly Today { get; set; } = today;

    public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
