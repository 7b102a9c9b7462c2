namespace SharedServices.Core.Tests.Caching;

/// <summary>A clock that a test can move on a day, to see a value cached for one day not served on the next.</summary>
public sealed class MovableClock(DateOnly today) : TimeProvider
{
    public DateOnly Today { get; set; } = today;

    public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
