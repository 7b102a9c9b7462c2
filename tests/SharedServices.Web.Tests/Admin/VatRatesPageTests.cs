using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Charging;
using SharedServices.Web.Components.Features.Admin;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Admin;

public sealed class VatRatesPageTests : ComponentTestContext
{
    private IRenderedComponent<VatRatesPage> RenderLoaded()
    {
        var cut = RenderPage<VatRatesPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(Rows(cut)), Timeout);
        return cut;
    }

    // From, to and rate: the last cell holds only a Remove button, where there is one.
    private static IReadOnlyList<string[]> Rows(IRenderedComponent<VatRatesPage> cut) =>
        cut.FindAll("#vat-rates tbody tr").Select(r => r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public void VatRatesPage_Seeded_ListsTheFourRatesSince1991()
    {
        var cut = RenderLoaded();

        Assert.Equal(
        [
            ["Before 1 December 2008", "30 November 2008", "17.5%"],
            ["1 December 2008", "31 December 2009", "15%"],
            ["1 January 2010", "3 January 2011", "17.5%"],
            ["4 January 2011", "Until further notice", "20%"],
        ], Rows(cut));
    }

    [Fact]
    public async Task VatRatesPage_AddFrom1April2027_Ends20PercentOn31March2027()
    {
        var cut = RenderLoaded();

        await cut.InputFor("vat-rate-from").ChangeAsync(new() { Value = "01/04/2027" });
        await cut.InputFor("vat-rate-percent").ChangeAsync(new() { Value = "22.5" });
        await cut.Find("#save-vat-rate").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut).Count), Timeout);
        Assert.Equal(["4 January 2011", "31 March 2027", "20%"], Rows(cut)[3]);
        Assert.Equal(["1 April 2027", "Until further notice", "22.5%"], Rows(cut)[4]);
    }

    [Fact]
    public async Task VatRatesPage_AddBeforeTheCurrentRate_SaysWhyAndSavesNothing()
    {
        var cut = RenderLoaded();

        await cut.InputFor("vat-rate-from").ChangeAsync(new() { Value = "01/01/2010" });
        await cut.InputFor("vat-rate-percent").ChangeAsync(new() { Value = "16" });
        await cut.Find("#save-vat-rate").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(
            "VAT rates: a new rate must start after the current 20% rate, which starts on 4 January 2011.", cut.TextOf("#vat-rate-errors")), Timeout);
        Assert.Equal(4, (await Services.GetRequiredService<StandardVatRateReference>().ListAsync()).Rates.Count);
    }

    [Fact]
    public async Task VatRatesPage_RemoveAMistakenRate_ReopensTheOneBefore_AndTheStatutoryRatesHaveNoRemove()
    {
        await Services.GetRequiredService<StandardVatRateReference>().AddAsync(new DateOnly(2027, 4, 1), 21m);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = RenderLoaded();
        Assert.Single(cut.FindAll("#remove-vat-rate"));

        // The click waits for the question's answer, so it is awaited only after answering.
        var removing = cut.Find("#remove-vat-rate").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Remove the 21% rate from 1 April 2027?", dialogs.Markup), Timeout);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").ClickAsync(new MouseEventArgs());
        await removing;

        cut.WaitForAssertion(() => Assert.Equal(4, Rows(cut).Count), Timeout);
        Assert.Equal(["4 January 2011", "Until further notice", "20%"], Rows(cut)[3]);
        Assert.Empty(cut.FindAll("#remove-vat-rate"));
    }
}
