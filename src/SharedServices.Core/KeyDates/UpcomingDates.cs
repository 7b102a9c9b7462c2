using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Calendar;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.KeyDates;

namespace SharedServices.Core.KeyDates;

/// <summary>The key dates across every partnership for a period, as one list in date order.</summary>
public sealed record UpcomingDatesResult(DateOnly AsOf, int WithinDays, IReadOnlyList<KeyDate> Dates)
{
    public DateOnly Until => AsOf.AddDays(WithinDays);
}

/// <summary>
/// "What is coming up?" for directors: every end of term, latest notice date, minimum-term end, break, review and
/// call-in expiry from the as-of date for the next so many days. The same answer feeds the page, the calendar
/// feed, the workbook and the command line.
/// </summary>
public sealed class UpcomingDates(IDbContextFactory<SharedServicesDbContext> contextFactory, BankHolidayReference bankHolidays)
{
    /// <summary>The look-ahead periods offered on the page.</summary>
    public static readonly IReadOnlyList<int> Periods = [30, 90, 180, 365];

    public const int MaxDays = 3660;

    public async Task<UpcomingDatesResult> LoadAsync(DateOnly asOf, int withinDays, CancellationToken cancel = default)
    {
        if (withinDays is < 1 or > MaxDays) throw new DomainException($"Look ahead between 1 and {MaxDays:N0} days.");
        if (asOf.Year is < 1900 or > 2999) throw new DomainException($"{DateText.Long(asOf)} is not a plausible date to look ahead from.");
        var until = asOf.AddDays(withinDays);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        // Only partnerships that can have a date in the window: not over by the as-of date and begun by its end (every
        // key date but a call-in falls on or after the first day), or with a decision published lately (call-in).
        var recently = asOf.AddDays(-60);
        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => ((p.EndsOn == null || p.EndsOn >= asOf) && (p.StartedOn == null || p.StartedOn <= until))
                        || p.Decisions.Any(d => d.PublishedOn != null && d.PublishedOn >= recently && d.PublishedOn <= until))
            // Just what the key-date rules read: no services.
            .Include(p => p.Parties).ThenInclude(p => p.Organisation)
            .Include(p => p.NoticePeriods)
            .Include(p => p.Decisions).ThenInclude(d => d.Organisation)
            .Include(p => p.Events)
            .Include(p => p.Milestones)
            .AsSplitQuery()
            .ToListAsync(cancel);
        var calendar = await bankHolidays.LoadCalendarAsync(cancel);
        return new UpcomingDatesResult(asOf, withinDays, KeyDateFinder.Between(partnerships, asOf, until, calendar));
    }
}
