using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Calendar;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Admin;
using SharedServices.Web.Components.Features.Organisations;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Shared;

/// <summary>The refusal shown when someone else saved first, on its own and in the forms that use it.</summary>
public sealed class EditConflictTests : ComponentTestContext
{
    private const string PartnershipRefused = "This partnership was changed by someone else since you opened it. Nothing was saved.";

    private T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private static Task ClickAsync<T>(IRenderedComponent<T> cut, string selector) where T : IComponent =>
        cut.Find(selector).ClickAsync(new MouseEventArgs());

    [Fact]
    public void EditConflict_NoMessage_RendersNothing()
    {
        var cut = Render<EditConflict>();

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public async Task EditConflict_Message_ShowsItAndReloadRunsTheCallback()
    {
        var reloads = 0;
        var cut = Render<EditConflict>(p => p
            .Add(x => x.Message, PartnershipRefused)
            .Add(x => x.OnReload, () => reloads++));

        Assert.Equal($"{PartnershipRefused} Reload to see their changes, then make yours again. Reload", cut.TextOf("#edit-conflict"));
        Assert.Equal("alert", cut.Find("#edit-conflict").GetAttribute("role"));
        await ClickAsync(cut, "#reload-after-conflict");
        Assert.Equal(1, reloads);
    }

    [Fact]
    public async Task TermEditPage_SomeoneElseSavedFirst_RefusesThenReloadShowsTheirValues()
    {
        const string code = "halton-cwac-shared-service";
        var cut = RenderPage<TermEditPage>(p => p.Add(x => x.Code, code));
        cut.WaitForAssertion(() => cut.Find("#term-minimum-months"), Timeout);
        await cut.InputFor("term-minimum-months").ChangeAsync(new() { Value = "12" });
        // Meanwhile someone else sets a minimum term of 36 months from their own copy of the page.
        var theirs = (await Get<PartnershipDetails>().FindAsync(code))!;
        var form = TermForm.From(theirs);
        form.MinimumTermMonths = 36;
        await Get<PartnershipEditor>().SaveTermAsync(theirs.Id, form, theirs.Version);

        await ClickAsync(cut, "#save-term");

        cut.WaitForAssertion(() => Assert.StartsWith(PartnershipRefused, cut.TextOf("#edit-conflict")), Timeout);
        Assert.EndsWith("/", CurrentUri); // still on the form: a save would have opened the partnership
        await using (var db = Database.CreateDbContext())
            Assert.Equal(36, (await db.Partnerships.SingleAsync(p => p.Code == code)).Term.MinimumTermMonths);
        await ClickAsync(cut, "#reload-after-conflict");
        cut.WaitForAssertion(() => Assert.Equal("36", cut.InputFor("term-minimum-months").GetAttribute("value")), Timeout);
        Assert.Empty(cut.FindAll("#edit-conflict"));
    }

    [Fact]
    public async Task OrganisationEditPage_SomeoneElseSavedFirst_RefusesAndKeepsTheirValues()
    {
        var cut = RenderPage<OrganisationEditPage>(p => p.Add(x => x.ShortCode, "IWC"));
        cut.WaitForAssertion(() => cut.Find("#organisation-call-in-days"), Timeout);
        await cut.InputFor("organisation-call-in-days").ChangeAsync(new() { Value = "10" });
        var theirs = OrganisationForm.From((await Get<OrganisationDirectory>().FindAsync("IWC"))!.Organisation);
        theirs.CallInWorkingDays = 7;
        await Get<OrganisationDirectory>().SaveAsync(theirs);

        await ClickAsync(cut, "#save-organisation");

        cut.WaitForAssertion(() => Assert.StartsWith("This organisation was changed by someone else since you opened it.", cut.TextOf("#edit-conflict")), Timeout);
        Assert.Equal(7, (await Get<OrganisationDirectory>().FindAsync("IWC"))!.Organisation.CallInWorkingDays);
        await ClickAsync(cut, "#reload-after-conflict");
        cut.WaitForAssertion(() => Assert.Equal("7", cut.InputFor("organisation-call-in-days").GetAttribute("value")), Timeout);
    }

    [Fact]
    public async Task BankHolidaysPage_SomeoneElseRenamedFirst_RemoveRefusedAndReloadShowsTheirName()
    {
        var reference = Get<BankHolidayReference>();
        await reference.EnsureYearsAsync(BankHolidayReference.FirstYear, BankHolidayReference.LastYear(Clock.Today));
        Get<NavigationManager>().NavigateTo("admin/bank-holidays?year=2022");
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<BankHolidaysPage>();
        cut.WaitForAssertion(() => cut.Find("#remove-2022-06-03"), Timeout);
        await reference.SaveAsync(new DateOnly(2022, 6, 3), "Platinum Jubilee", await reference.YearVersionAsync(2022));

        var removing = ClickAsync(cut, "#remove-2022-06-03");
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove"), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").ClickAsync(new MouseEventArgs());
        await removing;

        cut.WaitForAssertion(() => Assert.StartsWith("These bank holidays for 2022 were changed by someone else since you opened them.", cut.TextOf("#edit-conflict")), Timeout);
        Assert.Equal("Platinum Jubilee", (await reference.ForYearAsync(2022)).Single(h => h.Date == new DateOnly(2022, 6, 3)).Name);
        await ClickAsync(cut, "#reload-after-conflict");
        cut.WaitForAssertion(() => Assert.Contains("Platinum Jubilee", cut.TextOf("#bank-holidays")), Timeout);
        Assert.Empty(cut.FindAll("#edit-conflict"));
    }

    [Fact]
    public async Task ServicesPanel_RemoveFromAStalePage_RefusedSaysSoAndReloads()
    {
        var details = Get<PartnershipDetails>();
        var stale = (await details.FindAsync("hcc-iwc-childrens-services"))!;
        var service = stale.Services.First();
        var current = (await details.FindAsync("hcc-iwc-childrens-services"))!;
        var form = PartnershipForm.From(current);
        form.Name = "Renamed by someone else";
        await Get<PartnershipEditor>().SaveAsync(form);
        var snackbar = Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        var reloads = 0;
        var cut = Render<ServicesPanel>(p => p.Add(x => x.Partnership, PartnershipView.Of(stale, new DateOnly(2026, 11, 23))).Add(x => x.Changed, () => reloads++));

        var removing = cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Remove {service.Name}").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove"), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").ClickAsync(new MouseEventArgs());
        await removing;

        Assert.Equal(1, reloads);
        snackbar.WaitForAssertion(() => Assert.Contains($"{PartnershipRefused} The page now shows their changes.", snackbar.Markup), Timeout);
        Assert.Contains((await details.FindAsync("hcc-iwc-childrens-services"))!.Services, s => s.Id == service.Id);
    }

    [Fact]
    public async Task MilestoneDialog_StalePartnership_RefusedSavesNothingAndReloadClosesAsChanged()
    {
        var details = Get<PartnershipDetails>();
        var stale = (await details.FindAsync("iwc-hcc-buy-back"))!;
        var form = PartnershipForm.From((await details.FindAsync("iwc-hcc-buy-back"))!);
        form.Summary = "Changed by someone else";
        await Get<PartnershipEditor>().SaveAsync(form);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<MilestoneDialog>
        {
            { d => d.Partnership, stale },
            { d => d.Form, new MilestoneForm { Kind = MilestoneKind.Review, Date = new DateOnly(2026, 3, 4) } },
        };
        IDialogReference? dialog = null;
        await dialogs.InvokeAsync(async () => dialog = await Get<IDialogService>().ShowAsync<MilestoneDialog>("Add a break or review date", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("#save-milestone"), Timeout);

        await ClickAsync(dialogs, "#save-milestone");

        dialogs.WaitForAssertion(() => Assert.StartsWith(PartnershipRefused, dialogs.TextOf("#edit-conflict")), Timeout);
        Assert.Empty((await details.FindAsync("iwc-hcc-buy-back"))!.Milestones);
        await ClickAsync(dialogs, "#reload-after-conflict");
        // Closed as a change, so the page under it reloads and shows what the other person saved.
        Assert.False((await dialog!.Result)!.Canceled);
    }
}
