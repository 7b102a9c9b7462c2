using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Partnerships;
using SharedServices.Web.Components.Features.Organisations;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Startup;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Forms;

/// <summary>The error summary, required marks, length counters and the save confirmation that every form shares.</summary>
public sealed class FormErrorsTests : ComponentTestContext
{
    private static async Task TypeAsync(IRenderedComponent<OrganisationEditPage> cut, string id, string value) =>
        await cut.InputFor(id).ChangeAsync(new() { Value = value });

    [Fact]
    public async Task OrganisationEditPage_SavedEmpty_SummaryLinksEachFieldAndTakesFocus()
    {
        var cut = RenderPage<OrganisationEditPage>();
        cut.WaitForAssertion(() => cut.Find("#save-organisation"), Timeout);

        await cut.Find("#save-organisation").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(
        [
            ("Name: enter the organisation's name.", "#organisation-name"),
            ("Short code: enter a short code, such as IWC.", "#organisation-code"),
        ], cut.FindAll("#error-summary a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")))), Timeout);
        Assert.Equal("There is a problem", cut.TextOf("#error-summary h2"));
        Assert.Equal("-1", cut.Find("#error-summary").GetAttribute("tabindex"));
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier.EndsWith("focus", StringComparison.Ordinal)), Timeout);
        Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    [Fact]
    public async Task OrganisationEditPage_Saved_ConfirmsInASnackbar()
    {
        var cut = RenderPage<OrganisationEditPage>();
        cut.WaitForAssertion(() => cut.Find("#save-organisation"), Timeout);

        await TypeAsync(cut, "organisation-name", "Portsmouth City Council");
        await TypeAsync(cut, "organisation-code", "PCC");
        await cut.Find("#save-organisation").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.EndsWith("/organisations/PCC", CurrentUri), Timeout);
        Assert.Equal(["Saved Portsmouth City Council."], Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message));
        Assert.Empty(cut.FindAll("#error-summary"));
    }

    [Fact]
    public void OrganisationEditPage_RequiredFields_MarkedAndTheOthersNot()
    {
        var cut = RenderPage<OrganisationEditPage>();
        cut.WaitForAssertion(() => cut.Find("#save-organisation"), Timeout);

        Assert.Equal("true", cut.InputFor("organisation-name").GetAttribute("aria-required"));
        Assert.Equal("true", cut.InputFor("organisation-code").GetAttribute("aria-required"));
        Assert.Equal("true", cut.InputFor("organisation-call-in-days").GetAttribute("aria-required"));
        Assert.NotEqual("true", cut.InputFor("organisation-gss").GetAttribute("aria-required"));
        Assert.NotEqual("true", cut.InputFor("organisation-notes").GetAttribute("aria-required"));
    }

    [Theory]
    [InlineData("partnership-name", "300", "0 / 300")]
    [InlineData("partnership-code", "100", "0 / 100")]
    [InlineData("partnership-legal-basis", "1000", "0 / 1000")]
    [InlineData("partnership-summary", "4000", "0 / 4000")]
    [InlineData("partnership-source-document", "200", "0 / 200")]
    [InlineData("legal-basis-source-paragraph", "200", "0 / 200")]
    public void PartnershipEditPage_TextField_ShowsItsLimit(string id, string maxLength, string counter)
    {
        var cut = RenderPage<PartnershipEditPage>();
        cut.WaitForAssertion(() => cut.Find("#save-partnership"), Timeout);

        var input = cut.InputFor(id);
        Assert.Equal(maxLength, input.GetAttribute("maxlength"));
        var control = input.Closest(".mud-input-control")!;
        Assert.Equal(counter, control.QuerySelector(".mud-input-helper-text .ms-auto")?.TextContent.Trim());
    }

    [Fact]
    public async Task DecisionDialog_WhatItResolved_ShowsHowMuchOfTheLimitIsUsed()
    {
        var partnership = (await Services.GetRequiredService<PartnershipDetails>().FindAsync("hcc-iwc-childrens-services"))!;
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<DecisionDialog> { { d => d.Partnership, partnership }, { d => d.Form, new DecisionForm() } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<DecisionDialog>("Add a decision", parameters, DialogDefaults.Form));
        dialogs.WaitForAssertion(() => dialogs.Find("#save-decision"), Timeout);

        await dialogs.InputFor("decision-resolved").ChangeAsync(new() { Value = "Agreed." });

        var control = dialogs.InputFor("decision-resolved").Closest(".mud-input-control")!;
        Assert.Equal("7 / 4000", control.QuerySelector(".mud-input-helper-text .ms-auto")?.TextContent.Trim());
        Assert.Equal("4000", dialogs.InputFor("decision-resolved").GetAttribute("maxlength"));
    }

    [Fact]
    public void DialogDefaults_EveryDialog_ClosesOnEscape()
    {
        Assert.True(DialogDefaults.Form.CloseOnEscapeKey);
        Assert.True(DialogDefaults.Confirmation.CloseOnEscapeKey);
    }

    [Fact]
    public void CircuitLimits_LongestFieldAtSixBytesACharacter_FitsInOneMessage()
    {
        // 4,000 characters (a summary, or what a decision resolved) × 6 bytes for the worst JSON escape, + 8 KB.
        Assert.Equal(4000, CircuitLimits.LongestField);
        Assert.True(4000 * 6 + 8192 <= CircuitLimits.MaximumReceiveMessageSize);
        Assert.Equal(65536, CircuitLimits.MaximumReceiveMessageSize);
    }
}
