using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>An officer records the Isle of Wight's notice on the buy-back; the status, history and key dates follow.</summary>
public sealed class NoticeJourneyTests(AppHost host) : BrowserJourney(host)
{
    [Fact]
    public async Task Officer_RecordsNotice_StatusHistoryAndKeyDatesFollow()
    {
        await GoToAsync("/partnerships/iwc-hcc-buy-back");
        await Expect(Page.Locator("#status")).ToContainTextAsync("Active");

        await Page.Locator("#record-event").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Party serving notice" }).ClickAsync();
        // The dialog's list, not the what-if panel's party select on the page behind it, which offers the same names.
        await Page.Locator("[id^=select-listbox]").GetByRole(AriaRole.Option, new() { Name = "Isle of Wight Council" }).ClickAsync();
        await Expect(Page.Locator("[id^=select-listbox]").GetByRole(AriaRole.Option)).ToHaveCountAsync(0); // the choice is the server's once its list closes
        await Page.Locator("#event-date").FillAsync("23/11/2026");
        await Page.Locator("#event-date").PressAsync("Tab"); // a typed date is read when the field is left
        await Expect(Page.Locator("#event-computed-exit")).ToHaveTextAsync("By the notice period (3 months) the agreement's last day is 23 February 2027.");
        await CheckAccessibilityAsync("the record-notice dialog");
        await Page.Locator("#save-event").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Locator("#status")).ToContainTextAsync("In notice");
        await Expect(Page.Locator("#ended-on")).ToHaveTextAsync("23 February 2027");
        await Expect(Page.Locator("#section-history")).ToContainTextAsync("Notice served by Isle of Wight Council: the agreement ends 23 February 2027");
        await CheckAccessibilityAsync("the buy-back contract's page in notice");

        // The what-if now reports the recorded notice rather than working out a different exit.
        await Page.Locator("#run-what-if").ClickAsync();
        await Expect(Page.Locator("#what-if-recorded")).ToContainTextAsync("served notice on 23 November 2026");
        await Expect(Page.Locator("#what-if-exit")).ToHaveTextAsync("23 February 2027");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Key dates", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/key-dates$"));
        await WaitUntilLiveAsync();
        // The exit is 92 days away: beyond the default 90, within 180.
        await Expect(Page.Locator("#key-dates-next")).ToContainTextAsync("The next key date after it is 23 February 2027");
        await Page.Locator("#within-180").ClickAsync();
        var exit = Page.Locator("#key-dates-table tbody tr", new() { HasText = "23 February 2027" });
        await Expect(exit).ToContainTextAsync("Exit after notice");
        await Expect(exit).ToContainTextAsync("in 92 days");
        await CheckAccessibilityAsync("the key dates page with an exit");
    }
}
