using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Activity;
using SharedServices.Web.Components.Features.Activity;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Activity;

public sealed class ActivityPageTests : ComponentTestContext
{
    private ActivityRecords Records => Services.GetRequiredService<ActivityRecords>();

    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    /// <summary>The grid of the service for November 2026, as a link with the service and month opens it.</summary>
    private IRenderedComponent<ActivityPage> RenderNovember(int serviceId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/partnerships/{ActivityTestService.Partnership}/activity?service={serviceId}&month=2026-11");
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        var cut = Render<ActivityPage>(p => p.Add(x => x.Code, ActivityTestService.Partnership));
        cut.WaitForAssertion(() => cut.Find("#activity-totals"), Timeout);
        return cut;
    }

    private static ActivityForm Days(int day, decimal quantity, string unit, string reference) =>
        new() { From = new DateOnly(2026, 11, day), Quantity = quantity, Unit = unit, Reference = reference };

    private static ActivityForm Cost(int day, decimal pounds, string reference) =>
        new() { From = new DateOnly(2026, 11, day), ActualCost = pounds, Reference = reference };

    [Fact]
    public async Task Grid_MixedRecords_ShowsTotalsPerUnitAndCost()
    {
        var service = await ActivityTestService.AddAsync(Database);
        await Records.AddAsync(service, Days(3, 2.5m, "days", "A-1"), "Test officer");
        await Records.AddAsync(service, Days(10, 1.5m, "days", "A-2"), "Test officer");
        await Records.AddAsync(service, Days(12, 3m, "hours", "A-3"), "Test officer");
        await Records.AddAsync(service, Cost(20, 1_200.50m, "C-1"), "Test officer");
        await Records.AddAsync(service, Cost(21, 34.06m, "C-2"), "Test officer");
        // Outside November: not in the grid or its totals.
        await Records.AddAsync(service, new ActivityForm { From = new DateOnly(2026, 12, 1), Quantity = 7, Unit = "days" }, "Test officer");

        var cut = RenderNovember(service);

        Assert.Equal("November 2026", cut.TextOf("#activity-period"));
        Assert.Equal(5, cut.FindAll("#activity-grid tbody tr").Count);
        // 2.5 + 1.5 = 4 days; 3 hours; £1,200.50 + £34.06 = £1,234.56.
        Assert.Equal(["4 days", "3 hours"], cut.FindAll("#activity-total-quantity span").Select(s => s.TextContent.Trim()));
        Assert.Equal("£1,234.56", cut.TextOf("#activity-total-cost"));
        var first = cut.FindAll("#activity-grid tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("3 November 2026", first[0]);
        Assert.Equal("2.5 days", first[1]);
        Assert.Equal("Typed in", first[5]);
    }

    [Fact]
    public async Task Grid_BilledRecord_ShowsItsInvoiceAndNoEditOrDelete()
    {
        var service = await ActivityTestService.AddAsync(Database);
        var billed = await Records.AddAsync(service, Days(3, 2m, "days", "B-1"), "Test officer");
        await Records.AddAsync(service, Days(4, 1m, "days", "B-2"), "Test officer");
        await using (var db = Database.CreateDbContext())
        {
            (await db.ActivityEntries.SingleAsync(e => e.Id == billed.Id)).MarkBilled("HBC-2026/27-0007");
            await db.SaveChangesAsync();
        }

        var cut = RenderNovember(service);

        var rows = cut.FindAll("#activity-grid tbody tr");
        Assert.Contains("Billed on invoice HBC-2026/27-0007", rows[0].TextContent);
        Assert.Empty(rows[0].QuerySelectorAll(".activity-edit, .activity-delete"));
        Assert.Equal(2, rows[1].QuerySelectorAll(".activity-edit, .activity-delete").Length);
        Assert.Equal("2 (1 billed)", cut.TextOf("#activity-count"));
    }

    [Fact]
    public async Task Dialog_QuantityWithoutUnit_ShowsTheUnitMessageAndSavesNothing()
    {
        var service = await ActivityTestService.AddAsync(Database);
        var cut = RenderNovember(service);

        // Not awaited: the click's handler waits for the dialog to close.
        _ = cut.Find("#add-activity").ClickAsync(new MouseEventArgs());
        var provider = _dialogs;
        provider.WaitForAssertion(() => provider.Find("#save-activity"), Timeout);
        await provider.InputFor("activity-from").ChangeAsync(new ChangeEventArgs { Value = "05/11/2026" });
        await provider.InputFor("activity-quantity").ChangeAsync(new ChangeEventArgs { Value = "2" });
        await provider.Find("#save-activity").ClickAsync(new MouseEventArgs());

        provider.WaitForAssertion(() => Assert.Contains("Unit: say what the quantity counts (days, hours, pupils…).", provider.Markup), Timeout);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ActivityEntries.AnyAsync(e => e.TradedServiceId == service));
    }
}
