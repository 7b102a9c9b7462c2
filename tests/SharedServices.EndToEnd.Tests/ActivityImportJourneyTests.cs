using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// A finance officer imports a month's activity: the first file has a bad date in row 3 and is refused whole; the
/// fixed file is imported, its totals appear in the grid and the import in the history.
/// </summary>
public sealed class ActivityImportJourneyTests(AppHost host) : BrowserJourney(host)
{
    // Its partnership is Halton and Cheshire West's, so Halton's tester walks it.
    protected override string Council => "HBC";

    private readonly AppHost _app = host;

    private const string Partnership = "halton-cwac-shared-service";

    // A service of the journey's own (no schedule, so any unit or a cost), so seed activity cannot change the totals.
    private const string Service = "Activity journey service";

    private const string Header = "Service,Date,Quantity,Unit,Actual cost,Description,Reference\r\n";

    private async Task AddServiceAsync()
    {
        using var _ = Testers.AsSystem();
        var factory = _app.Services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var partnership = await db.Partnerships.Include(p => p.Services).SingleAsync(p => p.Code == Partnership);
        if (partnership.Services.Any(s => s.Name == Service)) return;
        var template = partnership.Services[0];
        partnership.AddService(new TradedService(Service, template.ProviderId, template.RecipientId, startDate: new DateOnly(2026, 4, 1)));
        await db.SaveChangesAsync();
    }

    private static string Rows(string rowThreeDate) => Header +
        $"{Service},03/11/2026,2.5,days,,School visits,J-1\r\n" +
        $"{Service},{rowThreeDate},1.5,days,,Training,J-2\r\n" +
        $"{Service},20/11/2026,,,1200.50,Room hire,J-3\r\n" +
        $"{Service},21/11/2026,,,£34.06,Printing,J-4\r\n";

    [Fact]
    public async Task FinanceOfficer_ImportsAFileWithABadRowThenTheFixedFile_SeesTotalsAndHistory()
    {
        await AddServiceAsync();
        var folder = Directory.CreateTempSubdirectory("activity-journey-");
        var bad = Path.Combine(folder.FullName, "november-activity.csv");
        var good = Path.Combine(folder.FullName, "november-activity-fixed.csv");
        await File.WriteAllTextAsync(bad, Rows("31/11/2026"));
        await File.WriteAllTextAsync(good, Rows("24/11/2026"));
        try
        {
            await GoToAsync($"/partnerships/{Partnership}");
            await Page.Locator("#go-to-activity-import").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex($"/partnerships/{Partnership}/activity/import$"));
            await WaitUntilLiveAsync();
            await Expect(Page.Locator("#import-limits")).ToContainTextAsync("up to 20 MB");
            await CheckAccessibilityAsync("the activity import page");

            await Page.Locator("#activity-file").SetInputFilesAsync(bad);
            await Page.Locator("#start-import").ClickAsync();
            var problem = Page.Locator("#import-problems tbody tr");
            await Expect(problem).ToHaveCountAsync(1);
            await Expect(problem.Locator("td").Nth(0)).ToHaveTextAsync("3");
            await Expect(problem.Locator("td").Nth(1)).ToHaveTextAsync("Date");
            await Expect(problem.Locator("td").Nth(2)).ToContainTextAsync("\"31/11/2026\" is not a date");
            await Expect(Page.Locator("#import-problems-summary")).ToContainTextAsync("Nothing was saved. Fix these rows and import the file again.");
            await Expect(Page.Locator("#import-history-empty")).ToBeVisibleAsync();
            await CheckAccessibilityAsync("the activity import page with a bad row");
            await ScreenshotAsync("activity-import-problems");

            await Page.Locator("#activity-file").SetInputFilesAsync(good);
            await Page.Locator("#start-import").ClickAsync();
            await Expect(Page.Locator("#import-saved")).ToContainTextAsync("Imported 4 rows from november-activity-fixed.csv.");
            var history = Page.Locator("#import-history tbody tr");
            await Expect(history).ToHaveCountAsync(1);
            await Expect(history).ToContainTextAsync("november-activity-fixed.csv");
            await Expect(history.Locator("td").Nth(1)).ToHaveTextAsync("4");
            await Expect(history.Locator("td").Nth(4)).ToHaveTextAsync("Imported");
            await Expect(history.Locator(".undo-import")).ToBeVisibleAsync();
            await CheckAccessibilityAsync("the activity import page after an import");
            await ScreenshotAsync("activity-import-saved");

            await Page.Locator("#import-see-activity").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex($"/partnerships/{Partnership}/activity$"));
            await WaitUntilLiveAsync();
            await Page.Locator("#activity-service").ClickAsync();
            await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = Service }).ClickAsync();
            // Today is 23 November 2026, so the grid opens on November 2026.
            await Expect(Page.Locator("#activity-period")).ToHaveTextAsync("November 2026");
            await Expect(Page.Locator("#activity-grid tbody tr")).ToHaveCountAsync(4);
            // 2.5 + 1.5 = 4 days; £1,200.50 + £34.06 = £1,234.56.
            await Expect(Page.Locator("#activity-total-quantity")).ToHaveTextAsync("4 days");
            await Expect(Page.Locator("#activity-total-cost")).ToHaveTextAsync("£1,234.56");
            await Expect(Page.Locator("#activity-grid tbody tr").First).ToContainTextAsync("november-activity-fixed.csv");
            await CheckAccessibilityAsync("the activity grid");
            await ScreenshotAsync("activity-grid");

            // A day typed in by hand: a quantity without its unit is refused, with the reason, and then saved.
            await Page.Locator("#add-activity").ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog);
            await Page.Locator("#activity-from").FillAsync("25/11/2026");
            await Page.Locator("#activity-from").PressAsync("Tab"); // a typed date is read when the field is left
            await Page.Locator("#activity-quantity").FillAsync("1");
            await Page.Locator("#activity-quantity").PressAsync("Tab");
            await Page.Locator("#save-activity").ClickAsync();
            await Expect(dialog.Locator(".error-summary")).ToContainTextAsync("Unit: say what the quantity counts");
            await CheckAccessibilityAsync("the record-activity dialog with an error");
            await Page.Locator("#activity-unit").FillAsync("days");
            await Page.Locator("#save-activity").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(Page.Locator("#activity-grid tbody tr")).ToHaveCountAsync(5);
            await Expect(Page.Locator("#activity-total-quantity")).ToHaveTextAsync("5 days");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
