namespace SharedServices.Core.Tests.Database;

/// <summary>A clock a test can move from day to day: a value cached for one day, or key dates worked out for it, must not serve the next.</summary>
public sealed class MovableClock(DateOnly today) : TimeProvider
{
    public DateOnly Today { get; set; } = today;

    public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
