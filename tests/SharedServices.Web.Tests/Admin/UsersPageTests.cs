using System.Globalization;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core;
using SharedServices.Core.Access;
using SharedServices.Web.Components.Features.Admin;
using SharedServices.Web.Security;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Admin;

/// <summary>
/// The People page as the Isle of Wight's administrator (Ivy), with Fred (finance, Isle of Wight) and Hal (director,
/// Halton) also on file. Each test signs Ivy in to bUnit's authentication state and makes her the caller of its own flow
/// (<c>using var _ = CallerContext.Use(...)</c> in the test itself, since an AsyncLocal set in a helper is undone
/// when the helper returns), as the app does for a signed-in circuit.
/// </summary>
public sealed class UsersPageTests : ComponentTestContext
{
    private const string Password = "a long first phrase here";

    /// <summary>
    /// The harness's services are fixed by the time this constructor runs, so Identity's (UserAccounts and the form's
    /// validator) come from a provider of their own over the same database file and clock, which bUnit falls back to.
    /// </summary>
    public UsersPageTests()
    {
        var accounts = new ServiceCollection();
        accounts.AddSingleton<TimeProvider>(Clock);
        accounts.AddSharedServicesCore(Settings);
        accounts.AddSharedServicesAccounts();
        _accountServices = accounts.BuildServiceProvider();
        Services.AddFallbackServiceProvider(_accountServices);
    }

    private readonly ServiceProvider _accountServices;

    protected override void Dispose(bool disposing)
    {
        if (disposing) _accountServices.Dispose();
        base.Dispose(disposing);
    }

    private UserAccounts Accounts => Services.GetRequiredService<UserAccounts>();

    private string _fred = "";

    /// <summary>Adds the three people (as the system) and signs Ivy in; returns her as the caller to act as.</summary>
    private async Task<Caller> SignInIvyAsync()
    {
        var ivy = await Accounts.AddAsync(new("ivy@iow.gov.uk", "Ivy Admin", "IWC", [Roles.Administrator], Password));
        _fred = (await Accounts.AddAsync(new("fred@iow.gov.uk", "Fred Finance", "IWC", [Roles.FinanceOfficer], Password))).Id;
        await Accounts.AddAsync(new("hal@halton.gov.uk", "Hal Director", "HBC", [Roles.Director], Password));
        // The harness added bUnit's authorisation (nobody signed in); sign Ivy in to it as the cookie would.
        var authentication = (BunitAuthenticationStateProvider)Services.GetRequiredService<AuthenticationStateProvider>();
        authentication.TriggerAuthenticationStateChanged("ivy@iow.gov.uk", [Roles.Administrator],
        [
            new Claim(ClaimTypes.NameIdentifier, ivy.Id),
            new Claim(ClaimTypes.Email, ivy.Email),
            new Claim(SignedInCaller.DisplayNameClaim, ivy.DisplayName),
            new Claim(SignedInCaller.OrganisationClaim, ivy.OrganisationId.ToString(CultureInfo.InvariantCulture)),
        ]);
        return (await Accounts.CallerForAsync(ivy.Id))!;
    }

    private (IRenderedComponent<UsersPage> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderUsers()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#people tbody tr")), Timeout);
        return (page, dialogs);
    }

    /// <summary>Each row's name, e-mail, roles and state.</summary>
    private static List<string[]> Rows(IRenderedComponent<UsersPage> page) =>
        page.FindAll("#people tbody tr").Select(r => r.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()).ToArray()).ToList();

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static async Task FillAsync(IRenderedComponent<UsersPage> page, string name, string email, string password, string again)
    {
        await page.InputFor("person-name").ChangeAsync(new() { Value = name });
        await page.InputFor("person-email").ChangeAsync(new() { Value = email });
        await page.InputFor("person-password").ChangeAsync(new() { Value = password });
        await page.InputFor("person-password-again").ChangeAsync(new() { Value = again });
    }

    private static List<string> SummaryLinks(IRenderedComponent<UsersPage> page) =>
        page.FindAll("#add-person-errors li a").Select(a => $"{a.GetAttribute("href")} {a.TextContent.Trim()}").ToList();

    [Fact]
    public async Task Lists_only_the_administrators_own_organisation_and_never_offers_to_disable_yourself()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());

        var (page, _) = RenderUsers();

        Assert.Equal("People of Isle of Wight Council", page.TextOf("h1"));
        // Hal is at Halton: not listed. By name: Fred Finance, then Ivy Admin.
        Assert.Equal([["Fred Finance", "fred@iow.gov.uk", "Finance officer", "Active"], ["Ivy Admin", "ivy@iow.gov.uk", "Administrator", "Active"]], Rows(page));
        Assert.DoesNotContain("hal@halton.gov.uk", page.Markup);
        Assert.NotEmpty(page.FindAll("#disable-0"));
        Assert.Empty(page.FindAll("#disable-1"));
        Assert.Contains("You", page.Find("#person-1").TextContent);
    }

    [Fact]
    public async Task An_empty_form_names_each_field_that_is_wrong_and_adds_nobody()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, _) = RenderUsers();

        await page.Find("#add-person").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
        [
            "#person-name Name: enter the person's name.",
            "#person-email E-mail: enter an address like jane.smith@council.gov.uk.",
            "#person-password Password: use at least 12 characters; a few words together is easiest to remember.",
        ], SummaryLinks(page)), Timeout);
        // Acting as Ivy, the list is her organisation's: Ivy and Fred, nobody added.
        Assert.Equal(2, (await Accounts.ListAsync()).Count);
    }

    [Fact]
    public async Task Two_different_passwords_are_named_against_the_second()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, _) = RenderUsers();
        await FillAsync(page, "Nina New", "nina@iow.gov.uk", Password, Password + "!");

        await page.Find("#add-person").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(["#person-password-again Password again: type the same password twice."], SummaryLinks(page)), Timeout);
        Assert.Equal(2, Rows(page).Count);
    }

    [Fact]
    public async Task A_taken_email_refused_by_the_accounts_is_shown_against_the_email_field()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, _) = RenderUsers();
        // Hal's address, in another case and at another council: still taken, and the page must not say by whom.
        await FillAsync(page, "Nina New", "HAL@halton.gov.uk", Password, Password);

        await page.Find("#add-person").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(["#person-email E-mail: there is already an account with this address."], SummaryLinks(page)), Timeout);
        Assert.Contains("E-mail: there is already an account with this address.", page.FieldErrors());
        Assert.Equal(2, Rows(page).Count);
    }

    [Fact]
    public async Task A_password_of_too_few_different_characters_is_shown_against_the_password()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, _) = RenderUsers();
        // 16 characters, so the form's length rule passes; Identity asks for 4 different characters and there are 2.
        await FillAsync(page, "Nina New", "nina@iow.gov.uk", "abababababababab", "abababababababab");

        await page.Find("#add-person").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(["#person-password Password: Passwords must use at least 4 different characters."], SummaryLinks(page)), Timeout);
    }

    [Fact]
    public async Task Adding_a_person_with_two_roles_lists_them_in_the_administrators_organisation()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, _) = RenderUsers();
        await FillAsync(page, "Nina New", "nina@iow.gov.uk", Password, Password);
        await page.InputFor("person-role-director").ChangeAsync(new() { Value = true });
        await page.InputFor("person-role-board-member").ChangeAsync(new() { Value = true });

        await page.Find("#add-person").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count), Timeout);
        Assert.Equal(["Nina New", "nina@iow.gov.uk", "Director, Board member", "Active"], Rows(page)[2]);
        var nina = (await Accounts.ListAsync()).Single(a => a.Email == "nina@iow.gov.uk");
        Assert.Equal("Isle of Wight Council", nina.OrganisationName);
        Assert.Equal("Added Nina New (nina@iow.gov.uk).", page.TextOf("#people-done"));
    }

    [Fact]
    public async Task Disabling_asks_first_keep_changes_nothing_and_disable_cuts_the_person_off()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, dialogs) = RenderUsers();

        // Not awaited: the click waits for the answer, so a question never asked fails the wait below instead of hanging.
        var kept = page.Find("#disable-0").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Disable Fred Finance (fred@iow.gov.uk)?", dialogs.Markup), Timeout);
        await DialogButton(dialogs, "Keep").ClickAsync(new MouseEventArgs());
        await kept;
        Assert.NotNull(await Accounts.CallerForAsync(_fred));

        var disabled = page.Find("#disable-0").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Disable Fred Finance", dialogs.Markup), Timeout);
        await DialogButton(dialogs, "Disable").ClickAsync(new MouseEventArgs());
        await disabled;

        page.WaitForAssertion(() => Assert.Equal("Disabled", Rows(page)[0][3]), Timeout);
        Assert.Null(await Accounts.CallerForAsync(_fred));
        Assert.NotEmpty(page.FindAll("#enable-0"));
    }

    [Fact]
    public async Task Changing_roles_replaces_them()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, _) = RenderUsers();

        await page.Find("#change-roles-0").ClickAsync(new MouseEventArgs());
        await page.InputFor("edit-role-finance-officer").ChangeAsync(new() { Value = false });
        await page.InputFor("edit-role-director").ChangeAsync(new() { Value = true });
        await page.Find("#save-roles").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Director", Rows(page)[0][2]), Timeout);
        Assert.Equal([Roles.Director], (await Accounts.CallerForAsync(_fred))!.Roles);
        Assert.Equal("Fred Finance now has Director.", page.TextOf("#people-done"));
    }

    [Fact]
    public async Task An_administrator_cannot_take_their_own_administrator_role_away()
    {
        using var acting = CallerContext.Use(await SignInIvyAsync());
        var (page, _) = RenderUsers();

        // Row 1 is Ivy herself (Fred Finance sorts first).
        await page.Find("#change-roles-1").ClickAsync(new MouseEventArgs());
        await page.InputFor("edit-role-administrator").ChangeAsync(new() { Value = false });
        await page.Find("#save-roles").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("Roles: you cannot take the Administrator role from yourself; ask another administrator.",
            page.TextOf("#roles-errors")), Timeout);
        Assert.Equal(["Ivy Admin", "ivy@iow.gov.uk", "Administrator", "Active"], Rows(page)[1]);
    }
}
