using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class PartnershipEditPageTests : ComponentTestContext
{
    private async Task<int> CountPartnershipsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Partnerships.CountAsync();
    }

    [Fact]
    public async Task PartnershipEditPage_NewWithBlankName_ShowsNameErrorAndSavesNothing()
    {
        var cut = RenderPage<PartnershipEditPage>();
        cut.WaitForAssertion(() => cut.Find("#save-partnership"), Timeout);

        await cut.InputFor("partnership-code").ChangeAsync(new() { Value = "test-partnership" });
        await cut.Find("#save-partnership").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() =>
        {
            var errors = cut.FieldErrors();
            Assert.Contains("Name: enter the partnership's name.", errors);
        }, Timeout);
        Assert.Contains("Parties: choose at least two organisations as parties.", cut.TextOf(".error-summary-list"));
        Assert.Equal(5, await CountPartnershipsAsync());
        Assert.EndsWith("/", CurrentUri);
    }

    [Fact]
    public void PartnershipEditPage_ExistingCode_FillsTheForm()
    {
        var cut = RenderPage<PartnershipEditPage>(p => p.Add(x => x.Code, "iwc-hcc-buy-back"));

        cut.WaitForAssertion(() => cut.Find("#save-partnership"), Timeout);
        Assert.Equal("Edit partnership", cut.TextOf("h1"));
        Assert.Equal("iwc-hcc-buy-back", cut.InputFor("partnership-code").GetAttribute("value"));
        Assert.StartsWith("Isle of Wight Council from Hampshire County Council", cut.InputFor("partnership-name").GetAttribute("value"));
    }

    [Fact]
    public void PartnershipEditPage_UnknownCode_ShowsNoPartnershipWarning()
    {
        var cut = RenderPage<PartnershipEditPage>(p => p.Add(x => x.Code, "no-such-partnership"));

        cut.WaitForAssertion(() => Assert.Contains("There is no partnership with the code \"no-such-partnership\"", cut.Text()), Timeout);
        Assert.Empty(cut.FindAll("#save-partnership"));
    }
}
