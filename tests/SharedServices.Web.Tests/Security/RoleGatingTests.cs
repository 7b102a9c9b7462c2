using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Calendar;
using SharedServices.Core.Access;
using SharedServices.Web.Components.Features.Activity;
using SharedServices.Web.Components.Features.Admin;
using SharedServices.Web.Components.Features.Charges;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Security;
using SharedServices.Web.Tests.Charges;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Security;

/// <summary>
/// Each role is offered only what it may do (Policies): a board member reads, a director keeps the governance, a
/// finance officer the money, an administrator the reference data. A button not rendered cannot be pressed: Blazor
/// runs only handlers it has rendered.
/// </summary>
public sealed class RoleGatingTests : ComponentTestContext
{
    private const string Partnership = "scc-iwc-education-support";

    private static readonly string[] GovernanceControls = ["#add-decision", "#record-event", "#add-milestone", "#add-service", "a[href$='/edit']", "a[href$='/term']"];
    private static readonly string[] FinanceControls = ["#go-to-activity-import"];

    private IRenderedComponent<PartnershipPage> PartnershipPage()
    {
        var cut = RenderPage<PartnershipPage>(p => p.Add(x => x.Code, Partnership));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label=Loading]")), Timeout);
        cut.WaitForAssertion(() => cut.Find("#go-to-activity"), Timeout);
        return cut;
    }

    [Fact]
    public void BoardMember_PartnershipPage_ReadsButIsOfferedNoChange()
    {
        SignInAs([Roles.BoardMember]);

        var cut = PartnershipPage();

        foreach (var control in GovernanceControls.Concat(FinanceControls)) Assert.Empty(cut.FindAll(control));
        Assert.NotEmpty(cut.FindAll("#section-decisions"));
    }

    [Fact]
    public void Director_PartnershipPage_OfferedGovernanceNotFinance()
    {
        SignInAs([Roles.Director], Policies.Governance);

        var cut = PartnershipPage();

        foreach (var control in GovernanceControls) Assert.NotEmpty(cut.FindAll(control));
        foreach (var control in FinanceControls) Assert.Empty(cut.FindAll(control));
    }

    [Fact]
    public void FinanceOfficer_PartnershipPage_OfferedFinanceNotGovernance()
    {
        SignInAs([Roles.FinanceOfficer], Policies.Finance);

        var cut = PartnershipPage();

        foreach (var control in FinanceControls) Assert.NotEmpty(cut.FindAll(control));
        foreach (var control in GovernanceControls) Assert.Empty(cut.FindAll(control));
    }

    [Fact]
    public async Task Director_SchedulePage_SeesTheRatesButNoFormToChangeThem()
    {
        var serviceId = await SchedulePageTests.NewServiceAsync(Database, "Gating service");
        SignInAs([Roles.Director], Policies.Governance);

        var cut = RenderPage<SchedulePage>(p => p.Add(x => x.Code, Partnership).Add(x => x.ServiceId, serviceId));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label=Loading]")), Timeout);

        Assert.Empty(cut.FindAll("#save-rate"));
        Assert.Empty(cut.FindAll("#save-vat"));
        Assert.Empty(cut.FindAll("#save-posting"));
    }

    [Fact]
    public void BoardMember_ActivityPage_NoRecordingOrImport()
    {
        SignInAs([Roles.BoardMember]);

        var cut = RenderPage<ActivityPage>(p => p.Add(x => x.Code, Partnership));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label=Loading]")), Timeout);

        Assert.Empty(cut.FindAll("#add-activity"));
        Assert.Empty(cut.FindAll("#go-to-import"));
        Assert.Empty(cut.FindAll(".activity-edit"));
    }

    [Fact]
    public async Task FinanceOfficer_BankHolidays_ListedButNotEditable()
    {
        var reference = Services.GetRequiredService<BankHolidayReference>();
        await reference.EnsureYearsAsync(BankHolidayReference.FirstYear, BankHolidayReference.LastYear(Clock.Today));
        SignInAs([Roles.FinanceOfficer], Policies.Finance);

        var cut = RenderPage<BankHolidaysPage>();
        cut.WaitForAssertion(() => cut.Find("#bank-holidays"), Timeout);

        Assert.NotEmpty(cut.FindAll("#bank-holidays tbody tr"));
        Assert.Empty(cut.FindAll("#save-bank-holiday"));
        Assert.Empty(cut.FindAll("[id^=rename-]"));
    }

    [Fact]
    public async Task Administrator_BankHolidays_Editable()
    {
        var reference = Services.GetRequiredService<BankHolidayReference>();
        await reference.EnsureYearsAsync(BankHolidayReference.FirstYear, BankHolidayReference.LastYear(Clock.Today));
        SignInAs([Roles.Administrator], Policies.Administration);

        var cut = RenderPage<BankHolidaysPage>();
        cut.WaitForAssertion(() => cut.Find("#bank-holidays"), Timeout);

        Assert.NotEmpty(cut.FindAll("#save-bank-holiday"));
        Assert.NotEmpty(cut.FindAll("[id^=rename-]"));
    }
}
