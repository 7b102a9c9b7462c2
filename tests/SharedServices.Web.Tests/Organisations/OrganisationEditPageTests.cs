using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SharedServices.Domain.Organisations;
using SharedServices.Web.Components.Features.Organisations;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Organisations;

public sealed class OrganisationEditPageTests : ComponentTestContext
{
    private async Task<int> CountOrganisationsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Organisations.CountAsync();
    }

    private static async Task TypeAsync(IRenderedComponent<OrganisationEditPage> cut, string id, string value) =>
        await cut.InputFor(id).ChangeAsync(new() { Value = value });

    private static Task SaveAsync(IRenderedComponent<OrganisationEditPage> cut) =>
        cut.Find("#save-organisation").ClickAsync(new MouseEventArgs());

    [Fact]
    public async Task OrganisationEditPage_InvalidGssAndDuplicateCode_ShowsFieldErrorsAndSavesNothing()
    {
        var cut = RenderPage<OrganisationEditPage>();
        cut.WaitForAssertion(() => cut.Find("#save-organisation"), Timeout);

        await TypeAsync(cut, "organisation-name", "Isle of Wight Council (duplicate)");
        await TypeAsync(cut, "organisation-code", "IWC");
        await TypeAsync(cut, "organisation-gss", "X123");
        await SaveAsync(cut);

        cut.WaitForAssertion(() =>
        {
            var errors = cut.FieldErrors();
            Assert.Contains("GSS code: enter a letter and eight digits, such as E06000046.", errors);
            Assert.Contains("Short code: another organisation already uses the code IWC.", errors);
        }, Timeout);
        Assert.Equal(8, await CountOrganisationsAsync());
        Assert.EndsWith("/", CurrentUri);
    }

    [Fact]
    public async Task OrganisationEditPage_ValidNewOrganisation_SavesAndOpensItsPage()
    {
        var cut = RenderPage<OrganisationEditPage>();
        cut.WaitForAssertion(() => cut.Find("#save-organisation"), Timeout);

        await TypeAsync(cut, "organisation-name", "Portsmouth City Council");
        await TypeAsync(cut, "organisation-code", "PCC");
        await TypeAsync(cut, "organisation-gss", "E06000044");
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.EndsWith("/organisations/PCC", CurrentUri), Timeout);
        Assert.Equal(9, await CountOrganisationsAsync());
        await using var db = Database.CreateDbContext();
        var saved = await db.Organisations.SingleAsync(o => o.ShortCode == "PCC");
        Assert.Equal("Portsmouth City Council", saved.Name);
        Assert.Equal("E06000044", saved.GssCode);
    }

    [Fact]
    public void OrganisationEditPage_UnknownCode_ShowsNoOrganisationWarning()
    {
        var cut = RenderPage<OrganisationEditPage>(p => p.Add(x => x.ShortCode, "NOPE"));

        cut.WaitForAssertion(() => Assert.Contains("There is no organisation with the code \"NOPE\"", cut.Text()), Timeout);
        Assert.Empty(cut.FindAll("#save-organisation"));
    }

    [Fact]
    public async Task OrganisationEditPage_CallInPeriodOutOfRange_ShowsFieldErrorAndSavesNothing()
    {
        var cut = RenderPage<OrganisationEditPage>(p => p.Add(x => x.ShortCode, "IWC"));
        cut.WaitForAssertion(() => Assert.Equal("5", cut.InputFor("organisation-call-in-days").GetAttribute("value")), Timeout);

        await TypeAsync(cut, "organisation-call-in-days", "45");
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("Call-in period (working days): enter a number from 1 to 30.",
            cut.FieldErrors()), Timeout);
        await using var db = Database.CreateDbContext();
        Assert.Equal(Organisation.DefaultCallInWorkingDays, (await db.Organisations.SingleAsync(o => o.ShortCode == "IWC")).CallInWorkingDays);
    }

    [Fact]
    public async Task OrganisationEditPage_CallInPeriodChanged_SavesAndOrganisationPageShowsIt()
    {
        var cut = RenderPage<OrganisationEditPage>(p => p.Add(x => x.ShortCode, "IWC"));
        cut.WaitForAssertion(() => cut.Find("#organisation-call-in-days"), Timeout);

        await TypeAsync(cut, "organisation-call-in-days", "10");
        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.EndsWith("/organisations/IWC", CurrentUri), Timeout);
        await using (var db = Database.CreateDbContext())
            Assert.Equal(10, (await db.Organisations.SingleAsync(o => o.ShortCode == "IWC")).CallInWorkingDays);
        var page = Render<OrganisationPage>(p => p.Add(x => x.ShortCode, "IWC"));
        page.WaitForAssertion(() => Assert.Equal("10 working days after publication", page.TextOf("#organisation-call-in")), Timeout);
        var other = Render<OrganisationPage>(p => p.Add(x => x.ShortCode, "HCC"));
        other.WaitForAssertion(() => Assert.Equal("5 working days after publication", other.TextOf("#organisation-call-in")), Timeout);
    }
}
