using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Calendar;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.KeyDates;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.KeyDates;

/// <summary>Today's key dates come from the stored dates; an edit that moves one shows on the page at once.</summary>
public sealed class StoredKeyDatesPageTests : ComponentTestContext
{
    private int _rendered;

    [Fact]
    public async Task UpcomingDatesPage_BankHolidayAdded_MovesTheCallInExpiryAtOnce()
    {
        // A cabinet decision on the buy-back published today, Monday 23 November 2026, subject to IWC's five-day call-in.
        await using (var db = Database.CreateDbContext())
        {
            var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
            var buyBack = await db.Partnerships.SingleAsync(p => p.Code == "iwc-hcc-buy-back");
            buyBack.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", "CAB 1", new DateOnly(2026, 11, 19), true, true, "Agreed.", publishedOn: Clock.Today));
            await db.SaveChangesAsync();
        }
        // Five working days: Tuesday 24, Wednesday 25, Thursday 26, Friday 27, Monday 30 November.
        Assert.Equal("30 November 2026", CallInOnThePage());

        await Services.GetRequiredService<BankHolidayReference>().SaveAsync(new DateOnly(2026, 11, 25), "Extra holiday");

        // Wednesday 25 is now a holiday: Tuesday 24, Thursday 26, Friday 27, Monday 30 November, Tuesday 1 December.
        Assert.Equal("1 December 2026", CallInOnThePage());
    }

    private string CallInOnThePage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("key-dates?within=30");
        // A fresh page each time, as a person reloading it would get; the providers are rendered once.
        var cut = _rendered++ == 0 ? RenderPage<UpcomingDatesPage>() : Render<UpcomingDatesPage>();
        cut.WaitForAssertion(() => cut.Find("#key-dates-table"), Timeout);
        var row = Assert.Single(cut.FindAll("#key-dates-table tbody tr"), r => r.TextContent.Contains("Call-in ends", StringComparison.Ordinal));
        return row.QuerySelector("td")!.TextContent.Trim();
    }
}
