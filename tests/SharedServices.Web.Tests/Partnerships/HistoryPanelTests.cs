using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class HistoryPanelTests : ComponentTestContext
{
    private async Task<Partnership> LoadAsync(string code) =>
        await Services.GetRequiredService<PartnershipDetails>().FindAsync(code)
        ?? throw new InvalidOperationException($"The seed data has no partnership {code}.");

    [Fact]
    public async Task HistoryPanel_StrategicPartnership_ShowsTerminationAndSuccessorInDateOrder()
    {
        var partnership = await LoadAsync("hcc-iwc-childrens-services");

        var cut = Render<HistoryPanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(partnership, new DateOnly(2026, 11, 23))));

        var rows = cut.FindAll(".history-entry").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["31 January 2024", "5 March 2024"], rows.Select(r => r[0]));
        Assert.StartsWith("Agreement terminated; its last day", rows[0][1]);
        Assert.Contains("Source: 002_d8d0be62417717b0.txt, item 3", rows[0][1]);
        Assert.StartsWith("Succeeded by Isle of Wight Council from Hampshire County Council", rows[1][1]);
    }

    [Fact]
    public async Task HistoryPanel_NothingRecorded_SaysSo()
    {
        var partnership = await LoadAsync("halton-cwac-shared-service");

        var cut = Render<HistoryPanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(partnership, new DateOnly(2026, 11, 23))));

        Assert.StartsWith("Nothing recorded yet", cut.Find("#section-history .mud-typography-body2").TextContent.Trim());
    }

    [Fact]
    public async Task HistoryDialog_NoticeByIsleOfWight_ShowsTheExitAndSaves()
    {
        var partnership = await LoadAsync("iwc-hcc-buy-back");
        var iwc = partnership.Parties.Single(p => p.Organisation!.ShortCode == "IWC").OrganisationId;
        var form = new HistoryForm { Kind = PartnershipEventKind.NoticeServed, Date = new DateOnly(2026, 11, 23), OrganisationId = iwc };
        var dialogs = OpenDialog(partnership, form);

        Assert.Equal("By the notice period (3 months) the agreement's last day is 23 February 2027.", dialogs.TextOf("#event-computed-exit"));
        await dialogs.Find("#save-event").ClickAsync(new MouseEventArgs());

        await using var db = Database.CreateDbContext();
        await WaitForAsync(async () => (await db.Partnerships.Include(p => p.Events).SingleAsync(p => p.Code == "iwc-hcc-buy-back"))
            .Events.Any(e => e.Kind == PartnershipEventKind.NoticeServed && e.ExitDate == new DateOnly(2027, 2, 23)));
    }

    [Fact]
    public async Task HistoryDialog_VariationWithoutDescription_ShowsTheErrorAndSavesNothing()
    {
        var partnership = await LoadAsync("scc-iwc-education-support");
        var dialogs = OpenDialog(partnership, new HistoryForm { Kind = PartnershipEventKind.Variation, Date = new DateOnly(2015, 6, 1) });

        await dialogs.Find("#save-event").ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => Assert.Contains("What the variation changed: say what the variation changed.", dialogs.Markup), Timeout);
        await using var db = Database.CreateDbContext();
        Assert.Empty((await db.Partnerships.Include(p => p.Events).SingleAsync(p => p.Code == "scc-iwc-education-support")).Events);
    }

    [Fact]
    public async Task HistoryDialog_NoticeServedTomorrow_IsRefusedWithTheReasonAndNothingSaved()
    {
        var partnership = await LoadAsync("iwc-hcc-buy-back");
        var iwc = partnership.Parties.Single(p => p.Organisation!.ShortCode == "IWC").OrganisationId;
        // Today is 23 November 2026 in these tests.
        var dialogs = OpenDialog(partnership, new HistoryForm { Kind = PartnershipEventKind.NoticeServed, Date = new DateOnly(2026, 11, 24), OrganisationId = iwc });

        await dialogs.Find("#save-event").ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => Assert.Contains("Notice served on: 24 November 2026 is after today (23 November 2026).", dialogs.Markup), Timeout);
        await using var db = Database.CreateDbContext();
        Assert.DoesNotContain((await db.Partnerships.Include(p => p.Events).SingleAsync(p => p.Code == "iwc-hcc-buy-back")).Events,
            e => e.Kind == PartnershipEventKind.NoticeServed);
    }

    private IRenderedComponent<MudDialogProvider> OpenDialog(Partnership partnership, HistoryForm form)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<HistoryDialog> { { d => d.Partnership, partnership }, { d => d.Form, form } };
        dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<HistoryDialog>("Record what happened", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("#save-event"), Timeout);
        return dialogs;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition(), "The change was not saved.");
    }
}
