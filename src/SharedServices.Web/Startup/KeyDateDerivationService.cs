using SharedServices.Core;
using SharedServices.Core.Access;
using SharedServices.Core.KeyDates;

namespace SharedServices.Web.Startup;

/// <summary>
/// Works out every partnership's stored key dates for the day, as the system, once the database is ready and again
/// just after each midnight (a set worked out for yesterday is stale today: history dated today becomes known and
/// statuses change), so that a reader rarely pays for it. Readers still work out any stale set themselves, so this
/// only saves them time. After the start-up run it compares a sample of stored sets with the rules.
/// </summary>
public sealed class KeyDateDerivationService(StoredKeyDates stored, TimeProvider clock, ILogger<KeyDateDerivationService> log) : BackgroundService
{
    /// <summary>How many stored sets the start-up check compares with the rules.</summary>
    public const int SampleSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var _ = CallerContext.Use(Caller.System("Key dates"));
        try
        {
            var today = clock.Today();
            var written = await stored.RefreshAsync(today, stoppingToken);
            log.LogInformation("Key dates: {Count} partnerships' key dates worked out for {Day}", written, today);
            var differing = await stored.CheckSampleAsync(today, SampleSize, stoppingToken);
            foreach (var code in differing)
                log.LogWarning("Key dates: the stored key dates of partnership {Code} differ from the rules; every stored set is marked stale", code);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(UntilJustAfterMidnight(clock.GetLocalNow()), clock, stoppingToken);
                today = clock.Today();
                written = await stored.RefreshAsync(today, stoppingToken);
                log.LogInformation("Key dates: {Count} partnerships' key dates worked out for {Day}", written, today);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            // Never fatal: every read works out stale sets itself.
            log.LogError(ex, "Key dates: working out the stored key dates failed; readers will work them out as they need them");
        }
    }

    /// <summary>A minute past the next local (UK) midnight, so the clock's today has moved on when it runs.</summary>
    public static TimeSpan UntilJustAfterMidnight(DateTimeOffset now)
    {
        var next = now.Date.AddDays(1).AddMinutes(1);
        var wait = next - now.DateTime;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
    }
}
