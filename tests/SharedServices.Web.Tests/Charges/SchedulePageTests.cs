using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Domain.Vat;
using SharedServices.Core.Charging;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Charges;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Charges;

public sealed class SchedulePageTests : ComponentTestContext
{
    internal const string Partnership = "hcc-iwc-childrens-services";

    private ChargeSchedules Schedules => Services.GetRequiredService<ChargeSchedules>();

    /// <summary>Adds a traded service starting on 1 April 2025 to the seed partnership, with no schedule; returns its id.</summary>
    internal static async Task<int> NewServiceAsync(Core.Persistence.SharedServicesDbContextFactory database, string name, string code = Partnership)
    {
        await using var db = database.CreateDbContext();
        var partnership = await db.Partnerships.Include(p => p.Services).Include(p => p.Parties).SingleAsync(p => p.Code == code);
        var parties = partnership.Parties.Select(p => p.OrganisationId).Order().ToList();
        var service = partnership.AddService(new TradedService(name, parties[0], parties[1], startDate: new DateOnly(2025, 4, 1)));
        await db.SaveChangesAsync();
        return service.Id;
    }

    private static RateVersionInput DayRate(int year, long pence) => new(new DateOnly(year, 4, 1), ChargingBasis.DayRate(new Money(pence)));

    private IRenderedComponent<SchedulePage> RenderLoaded(int serviceId, string code = Partnership)
    {
        var cut = RenderPage<SchedulePage>(p => p.Add(x => x.Code, code).Add(x => x.ServiceId, serviceId));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label=Loading]")), Timeout);
        return cut;
    }

    [Fact]
    public async Task SchedulePage_History_MarksTheBackdatedVersionAndTheOneApplyingToday()
    {
        var serviceId = await NewServiceAsync(Database, "Educational psychology");
        Clock.Today = new DateOnly(2025, 3, 1);
        await Schedules.AddVersionAsync(serviceId, DayRate(2025, 420_00));
        Clock.Today = new DateOnly(2026, 11, 23);
        await Schedules.AddVersionAsync(serviceId, DayRate(2026, 432_60));
        await Schedules.AddVersionAsync(serviceId, DayRate(2027, 445_00));

        var cut = RenderLoaded(serviceId);

        Assert.Equal("Charges for Educational psychology", cut.TextOf("h1"));
        Assert.Equal(3, cut.FindAll("tr.rate-version").Count);
        var old = cut.Find("#version-2025-04-01");
        Assert.Contains("1 March 2025", old.TextContent);
        Assert.Empty(old.QuerySelectorAll(".backdated-chip, .applies-today-chip"));
        var payAward = cut.Find("#version-2026-04-01");
        Assert.Contains("applies-today", payAward.ClassList);
        Assert.Equal("Applies today", payAward.QuerySelector(".applies-today-chip")!.TextContent.Trim());
        Assert.Equal("Backdated", payAward.QuerySelector(".backdated-chip")!.TextContent.Trim());
        Assert.Equal("Entered 23 November 2026, effective from 1 April 2026", payAward.QuerySelector(".backdated-note")!.TextContent.Trim());
        Assert.Contains("Day rate £432.60", payAward.TextContent);
        // Entered before it starts: neither backdated nor in force yet.
        Assert.Empty(cut.Find("#version-2027-04-01").QuerySelectorAll(".backdated-chip, .applies-today-chip"));
        Assert.Single(cut.FindAll(".applies-today-chip"));
    }

    [Fact]
    public async Task SchedulePage_AddVersionWithPaymentTermsOver30_ShowsTheFieldsMessageAndSavesNothing()
    {
        var serviceId = await NewServiceAsync(Database, "Educational psychology");
        var cut = RenderLoaded(serviceId);

        await cut.InputFor("rate-starts").ChangeAsync(new() { Value = "01/04/2026" });
        await cut.InputFor("rate-amount").ChangeAsync(new() { Value = "450" });
        await cut.InputFor("rate-terms").ChangeAsync(new() { Value = "45" });
        await cut.Find("#save-rate").ClickAsync(new MouseEventArgs());

        const string message = "Payment terms (days): enter 1 to 30 days; 30 is the statutory limit for public bodies (Procurement Act 2023 s68).";
        cut.WaitForAssertion(() => Assert.Contains(message, cut.TextOf("#rate-errors")), Timeout);
        Assert.Equal("rate-terms", cut.Find("#rate-errors a").GetAttribute("href")!.TrimStart('#'));
        Assert.Contains(message, cut.FieldErrors());
        Assert.Null(await Schedules.FindAsync(serviceId));
    }

    // A tester's finds: an impossible start date and a huge rate each broke the page's connection.
    [Theory]
    [InlineData("31/02/2026", "450", "February 2026 has 28 days")]
    [InlineData("01/04/2026", "99999999999999999", "Day rate (£): enter more than £0.00 and less than £1,000,000,000, in pounds and pence.")]
    public async Task SchedulePage_AddVersionWithAnImpossibleDateOrHugeRate_SaysSoAndSavesNothing(string starts, string rate, string message)
    {
        var serviceId = await NewServiceAsync(Database, "Educational psychology");
        var cut = RenderLoaded(serviceId);

        await cut.InputFor("rate-starts").ChangeAsync(new() { Value = starts });
        await cut.InputFor("rate-amount").ChangeAsync(new() { Value = rate });
        await cut.Find("#save-rate").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(message, cut.TextOf("#rate-errors")), Timeout);
        Assert.Null(await Schedules.FindAsync(serviceId));
    }

    [Fact]
    public async Task SchedulePage_NewVersion_StartsFromTheVersionInForce()
    {
        // A per-unit service: a pay award changes the rate, so the new version's form keeps the basis and unit.
        var serviceId = await NewServiceAsync(Database, "Special educational needs (test)");
        await Schedules.AddVersionAsync(serviceId, new(new DateOnly(2025, 4, 1), ChargingBasis.PerUnit(new Money(1_180_00), "statutory assessment")));
        var cut = RenderLoaded(serviceId);

        Assert.Equal("statutory assessment", cut.InputFor("rate-unit").GetAttribute("value"));
        Assert.Equal("1180", cut.InputFor("rate-amount").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(cut.InputFor("rate-starts").GetAttribute("value")));
    }

    [Fact]
    public async Task SchedulePage_AddVersionWithNoAmount_NamesTheDayRateField()
    {
        var serviceId = await NewServiceAsync(Database, "Educational psychology");
        var cut = RenderLoaded(serviceId);

        await cut.InputFor("rate-starts").ChangeAsync(new() { Value = "01/04/2026" });
        await cut.Find("#save-rate").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Day rate (£): enter the amount in pounds, for example 450.00.", cut.TextOf("#rate-errors")), Timeout);
        Assert.Null(await Schedules.FindAsync(serviceId));
    }

    [Fact]
    public async Task SchedulePage_AddGoodBackdatedVersion_ShowsItBackdatedAndApplyingToday()
    {
        var serviceId = await NewServiceAsync(Database, "Educational psychology");
        var cut = RenderLoaded(serviceId);
        Assert.Equal("No rate versions recorded yet.", cut.TextOf("#no-versions"));

        await cut.InputFor("rate-starts").ChangeAsync(new() { Value = "01/04/2026" });
        await cut.InputFor("rate-amount").ChangeAsync(new() { Value = "450" });
        await cut.Find("#save-rate").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#version-2026-04-01")), Timeout);
        var row = cut.Find("#version-2026-04-01");
        Assert.Contains("Day rate £450.00", row.TextContent);
        Assert.Equal("Backdated", row.QuerySelector(".backdated-chip")!.TextContent.Trim());
        Assert.Equal("Entered 23 November 2026, effective from 1 April 2026", row.QuerySelector(".backdated-note")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector(".applies-today-chip"));
        Assert.Contains("30 days", row.TextContent);
        Assert.Contains("In arrears", row.TextContent);
        // The form is ready for the next version, without complaints about the empty fields.
        Assert.Empty(cut.FieldErrors());
        Assert.Equal("", cut.InputFor("rate-starts").GetAttribute("value") ?? "");
        var saved = Assert.Single((await Schedules.FindAsync(serviceId))!.Versions);
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 11, 23), new Money(450_00)), (saved.EffectiveFrom, saved.EnteredOn, saved.Basis.Rate!.Value));
    }

    [Fact]
    public async Task SchedulePage_UnknownService_SaysNotFound()
    {
        var serviceId = await NewServiceAsync(Database, "Educational psychology");

        var cut = RenderLoaded(serviceId, "iwc-hcc-buy-back");

        Assert.Equal("Service not found", cut.TextOf("h1"));
        Assert.Empty(cut.FindAll("#section-rate-form"));
    }
}

public sealed class ScheduleEditingTests : ComponentTestContext
{
    private ChargeSchedules Schedules => Services.GetRequiredService<ChargeSchedules>();

    private async Task<(int ServiceId, IRenderedComponent<SchedulePage> Page, IRenderedComponent<MudDialogProvider> Dialogs)> RenderWithVersionsAsync()
    {
        var serviceId = await SchedulePageTests.NewServiceAsync(Database, "Educational psychology");
        await Schedules.AddVersionAsync(serviceId, new(new DateOnly(2025, 4, 1), ChargingBasis.DayRate(new Money(420_00))));
        await Schedules.AddVersionAsync(serviceId, new(new DateOnly(2026, 4, 1), ChargingBasis.DayRate(new Money(4_326_00))));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<SchedulePage>(p => p.Add(x => x.Code, SchedulePageTests.Partnership).Add(x => x.ServiceId, serviceId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.rate-version")), Timeout);
        return (serviceId, cut, dialogs);
    }

    [Fact]
    public async Task SchedulePage_CorrectAMistypedRate_ReplacesTheVersion()
    {
        var (serviceId, cut, _) = await RenderWithVersionsAsync();

        await cut.Find("#correct-2026-04-01").ClickAsync(new MouseEventArgs());
        Assert.Equal("Correct the version from 1 April 2026", cut.TextOf("#rate-form-heading"));
        Assert.Equal("01/04/2026", cut.InputFor("rate-starts").GetAttribute("value"));
        await cut.InputFor("rate-amount").ChangeAsync(new() { Value = "432.60" });
        await cut.Find("#save-rate").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Day rate £432.60", cut.TextOf("#version-2026-04-01")), Timeout);
        Assert.Equal("Add rate version", cut.TextOf("#rate-form-heading"));
        var versions = (await Schedules.FindAsync(serviceId))!.Versions;
        Assert.Equal([new Money(420_00), new Money(432_60)], versions.Select(v => v.Basis.Rate!.Value));
    }

    [Fact]
    public async Task SchedulePage_RemoveConfirmed_LeavesTheEarlierVersionApplyingToday()
    {
        var (serviceId, cut, dialogs) = await RenderWithVersionsAsync();

        // The click waits for the question's answer, so it is awaited only after answering.
        var removing = cut.Find("#remove-2026-04-01").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Remove the Day rate £4,326.00 version starting on 1 April 2026?", dialogs.Markup), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").ClickAsync(new MouseEventArgs());
        await removing;

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.rate-version")), Timeout);
        Assert.NotNull(cut.Find("#version-2025-04-01 .applies-today-chip"));
        Assert.Equal(new DateOnly(2025, 4, 1), Assert.Single((await Schedules.FindAsync(serviceId))!.Versions).EffectiveFrom);
    }

    [Fact]
    public async Task SchedulePage_SetVatTreatmentFromADate_ShowsItTodayAndInTheHistory()
    {
        var (serviceId, cut, _) = await RenderWithVersionsAsync();
        Assert.Contains("None recorded", cut.TextOf("#vat-today"));
        Assert.Contains("s101 of the Local Government Act 1972", cut.TextOf("#vat-guidance"));

        await cut.InputFor("vat-from").ChangeAsync(new() { Value = "01/04/2026" });
        var radio = cut.Find("#vat-StandardRated");
        await (radio.LocalName == "input" ? radio : radio.QuerySelector("input")!).ClickAsync(new MouseEventArgs());
        await cut.Find("#save-vat").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Today: Standard-rated", cut.TextOf("#vat-today")), Timeout);
        Assert.Equal(["1 April 2026", "Standard-rated"], cut.FindAll("#vat-history tbody td").Select(td => td.TextContent.Trim()));
        Assert.Equal([new VatTreatmentChange(new DateOnly(2026, 4, 1), VatTreatment.StandardRated)], await Schedules.VatHistoryAsync(serviceId));
    }

    [Fact]
    public async Task SchedulePage_SetVatTreatmentWithoutChoosing_NamesTheFieldAndSavesNothing()
    {
        var (serviceId, cut, _) = await RenderWithVersionsAsync();

        await cut.InputFor("vat-from").ChangeAsync(new() { Value = "01/04/2026" });
        await cut.Find("#save-vat").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("VAT treatment: choose how VAT applies to this service.", cut.TextOf("#vat-errors")), Timeout);
        Assert.Empty(await Schedules.VatHistoryAsync(serviceId));
    }

    [Fact]
    public async Task SchedulePage_SavePostingDetails_StoresThemOnTheSchedule()
    {
        var (serviceId, cut, _) = await RenderWithVersionsAsync();

        await cut.InputFor("posting-provider-ledger").ChangeAsync(new() { Value = "4100" });
        await cut.InputFor("posting-recipient-cost-centre").ChangeAsync(new() { Value = "CS-EP-01" });
        await cut.InputFor("posting-purchase-order").ChangeAsync(new() { Value = "PO 2026/117" });
        await cut.Find("#save-posting").ClickAsync(new MouseEventArgs());

        await cut.WaitForAssertionAsync(async () => Assert.Equal(new PostingDetails("4100", null, null, "CS-EP-01", "PO 2026/117"),
            (await Schedules.FindAsync(serviceId))!.Posting), Timeout);
    }
}
