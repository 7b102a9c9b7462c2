using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Calendar;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.EndToEnd.Tests;

/// <summary>Today's calendar download reads the stored key dates; a bank-holiday edit moves a call-in expiry in it at once.</summary>
public sealed class StoredKeyDatesDownloadTests(HttpHost host) : IClassFixture<HttpHost>
{
    [Fact]
    public async Task Calendar_BankHolidayAdded_MovesTheCallInExpiryAtOnce()
    {
        // A cabinet decision on the buy-back published on the journeys' day, Monday 23 November 2026, subject to
        // IWC's five-day call-in.
        using (Testers.AsSystem())
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync();
            var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
            var buyBack = await db.Partnerships.SingleAsync(p => p.Code == "iwc-hcc-buy-back");
            buyBack.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", "CAB 1", new DateOnly(2026, 11, 19), true, true, "Agreed.", publishedOn: AppHost.Today));
            await db.SaveChangesAsync();
        }
        // Five working days: Tuesday 24, Wednesday 25, Thursday 26, Friday 27, Monday 30 November.
        Assert.Equal(["20261130"], await CallInDaysAsync());

        using (Testers.AsSystem())
            await host.Services.GetRequiredService<BankHolidayReference>().SaveAsync(new DateOnly(2026, 11, 25), "Extra holiday");

        // Wednesday 25 is now a holiday: Tuesday 24, Thursday 26, Friday 27, Monday 30 November, Tuesday 1 December.
        Assert.Equal(["20261201"], await CallInDaysAsync());
    }

    /// <summary>The days of the call-in events in today's calendar for the next 30 days, downloaded as the IWC tester.</summary>
    private async Task<IReadOnlyList<string>> CallInDaysAsync()
    {
        using var response = await host.Client.GetAsync("/key-dates/calendar.ics?within=30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        return text.Split("BEGIN:VEVENT").Skip(1)
            .Where(e => e.Contains("SUMMARY:Call-in ends", StringComparison.Ordinal))
            .Select(e => e.Split("\r\n").Single(l => l.StartsWith("DTSTART;VALUE=DATE:", StringComparison.Ordinal))["DTSTART;VALUE=DATE:".Length..])
            .ToList();
    }
}
