using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Charging;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Vat;
using SharedServices.Web.Components.Features.Charges;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Charges;

public sealed class ChargesPageTests : ComponentTestContext
{
    private const string OtherPartnership = "iwc-hcc-buy-back";

    private ChargeSchedules Schedules => Services.GetRequiredService<ChargeSchedules>();

    private async Task<(int Psychology, int Improvement)> TwoSchedulesAsync()
    {
        var psychology = await SchedulePageTests.NewServiceAsync(Database, "Educational psychology (test)");
        var improvement = await SchedulePageTests.NewServiceAsync(Database, "School improvement (test)", OtherPartnership);
        await Schedules.AddVersionAsync(psychology, new(new DateOnly(2025, 4, 1), ChargingBasis.DayRate(new Money(420_00))));
        await Schedules.AddVersionAsync(psychology, new(new DateOnly(2026, 4, 1), ChargingBasis.DayRate(new Money(432_60))));
        await Schedules.SetVatTreatmentAsync(psychology, new DateOnly(2025, 4, 1), VatTreatment.OutsideTheScope);
        await Schedules.AddVersionAsync(improvement,
            new(new DateOnly(2025, 4, 1), ChargingBasis.FixedAnnualSum(new Money(24_000_00), InstalmentFrequency.Monthly)));
        return (psychology, improvement);
    }

    private IRenderedComponent<ChargesPage> RenderLoaded()
    {
        var cut = RenderPage<ChargesPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label=Loading]")), Timeout);
        return cut;
    }

    private static IReadOnlyList<string[]> Rows(IRenderedComponent<ChargesPage> cut) =>
        cut.FindAll("#charges tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task ChargesPage_TwoSchedules_ListsTheRateInForceTodayAndLinksToEachSchedule()
    {
        var (psychology, improvement) = await TwoSchedulesAsync();

        var cut = RenderLoaded();

        var rows = Rows(cut);
        var psychologyRow = rows.Single(r => r[1] == "Educational psychology (test)");
        Assert.Equal(["Day rate £432.60", "1 April 2026", "Outside the scope (non-business)"], psychologyRow[2..]);
        var improvementRow = rows.Single(r => r[1] == "School improvement (test)");
        Assert.Equal(["Fixed annual sum £24,000.00, monthly", "1 April 2025", "None recorded"], improvementRow[2..]);
        var links = cut.FindAll("#charges a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/partnerships/{SchedulePageTests.Partnership}/services/{psychology}/charges", links);
        Assert.Contains($"/partnerships/{OtherPartnership}/services/{improvement}/charges", links);
    }

    [Fact]
    public async Task ChargesPage_PartnershipInAddress_ListsOnlyThatPartnershipsServices()
    {
        await TwoSchedulesAsync();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"charges?partnership={OtherPartnership}");

        var cut = RenderLoaded();

        var services = Rows(cut).Select(r => r[1]).ToList();
        Assert.Contains("School improvement (test)", services);
        Assert.DoesNotContain("Educational psychology (test)", services);
    }

    [Fact]
    public void ChargesPage_SeedSchedules_AreMarkedIllustrative()
    {
        var cut = RenderLoaded();

        // Every seed service has a made-up schedule: Southampton's educational psychology among them.
        var row = Rows(cut).First(r => r[1] == "Educational psychology");
        Assert.Contains("illustrative", row[2]);
        Assert.Contains("made up to demonstrate the product", cut.TextOf("#illustrative-charges"));
    }
}
