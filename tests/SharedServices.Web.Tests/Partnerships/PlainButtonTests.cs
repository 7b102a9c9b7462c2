using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

/// <summary>
/// The partnership page's buttons are plain &lt;button&gt;s in MudBlazor's classes, not MudButtons (lighter on a page
/// that stays open): they still open the dialogs through MudBlazor's dialog service, name themselves to a screen
/// reader, and appear only for those whose role allows them, now checked once by the panel rather than by AuthorizeView.
/// </summary>
public sealed class PlainButtonTests : ComponentTestContext
{
    // The seed's strategic partnership for children's services has one service, named as below.
    private const string Code = "hcc-iwc-childrens-services";
    private const string ServiceName = "Children's services (full scope of functions)";

    private async Task<PartnershipView> ViewAsync() =>
        PartnershipView.Of(await Services.GetRequiredService<PartnershipDetails>().FindAsync(Code)
                           ?? throw new InvalidOperationException($"The seed data has no partnership {Code}."), new DateOnly(2026, 11, 23));

    [Fact]
    public async Task ServicesPanel_AddServiceButton_OpensTheAddDialog()
    {
        var view = await ViewAsync();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ServicesPanel>(p => p.Add(x => x.Partnership, view));

        var button = cut.Find("#add-service");
        Assert.Equal("button", button.GetAttribute("type"));
        Assert.Contains("mud-button-outlined", button.ClassName);
        _ = button.ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => dialogs.Find("#save-service"), Timeout);
        Assert.Contains("Add a service", dialogs.Markup);
        Assert.Equal("", dialogs.Find("#service-name").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task ServicesPanel_EditIconButton_IsNamedAndOpensTheEditDialogForThatService()
    {
        var view = await ViewAsync();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ServicesPanel>(p => p.Add(x => x.Partnership, view));

        var edit = cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Edit {ServiceName}");
        Assert.Equal("button", edit.GetAttribute("type"));
        // The icon says nothing to a screen reader; the aria-label is the button's name.
        Assert.Equal("true", edit.QuerySelector("svg")!.GetAttribute("aria-hidden"));
        _ = edit.ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => dialogs.Find("#save-service"), Timeout);
        Assert.Contains("Edit service", dialogs.Markup);
        Assert.Equal(ServiceName, dialogs.Find("#service-name").GetAttribute("value"));
    }

    [Fact]
    public async Task Panels_ForAReaderWithoutTheGovernanceRole_ShowNoAddEditOrRemoveButtons()
    {
        SignInAs([]); // signed in, no roles: reads only
        var view = await ViewAsync();

        var services = Render<ServicesPanel>(p => p.Add(x => x.Partnership, view));
        var decisions = Render<DecisionsPanel>(p => p.Add(x => x.Partnership, view));
        var history = Render<HistoryPanel>(p => p.Add(x => x.Partnership, view));

        Assert.Contains(ServiceName, services.Markup); // the rows are there, without their buttons
        Assert.Empty(services.FindAll("button"));
        Assert.Empty(decisions.FindAll("button"));
        Assert.Empty(history.FindAll("button"));
    }

    [Fact]
    public async Task Panels_ForADirector_ShowTheirButtons()
    {
        var view = await ViewAsync();

        var services = Render<ServicesPanel>(p => p.Add(x => x.Partnership, view));
        var history = Render<HistoryPanel>(p => p.Add(x => x.Partnership, view));

        // One service: add, then edit and remove on its row.
        Assert.Equal(3, services.FindAll("button").Count);
        Assert.NotNull(history.Find("#record-event"));
        Assert.NotNull(history.Find("#add-milestone"));
    }
}
