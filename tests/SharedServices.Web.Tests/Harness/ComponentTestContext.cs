using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SharedServices.Core;
using SharedServices.Core.Access;
using SharedServices.Core.Persistence;
using SharedServices.Core.Tests.Database;
using SharedServices.Web.Components.Features.Sources;
using SharedServices.Web.Security;

namespace SharedServices.Web.Tests.Harness;

/// <summary>
/// The bUnit context every component test uses: MudBlazor's services, loose JS interop, a fixed clock and a real
/// SQLite file loaded with the five seed partnerships. Each test gets its own file, so a test that saves cannot
/// change what another one sees.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    /// <summary>How long to wait for a page to load from the database or for a debounced field to settle.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sharedservices-web-test-{Guid.NewGuid():N}.db");

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // Registered before the core services, which only add the system clock when none is registered.
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSharedServicesCore(Settings);
        // People's accounts (UserAccounts, YourAccount) over the same file, for the account pages.
        Services.AddSharedServicesAccounts();
        Services.AddSingleton(new PublicAddress(PublicBaseUrl));
        Services.AddScoped<CurrentOfficer>();
        // Signed in as a tester of the Isle of Wight holding every role, so that every action is offered; a test about
        // roles narrows it through Authorization.
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("Tester at IWC");
        SignInAs([.. Roles.All], Policies.Administration, Policies.Finance, Policies.Governance);
        Services.AddSingleton(new SourceLibrary(Path.Combine(AppContext.BaseDirectory, "seed-data", "sources")));
        // The app is interactive throughout (Routes renders InteractiveServer); a test of the prerendered page sets this again.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Who the test is signed in as (see the constructor); a test may narrow the roles and policies.</summary>
    protected const string SignedInName = "Tester at IWC (tester@iwc.test)";

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Narrows the signed-in tester to these roles, passing only these policies (as the app's policies would for them).</summary>
    protected void SignInAs(IReadOnlyList<string> roles, params string[] policies)
    {
        Authorization.SetRoles([.. roles]);
        Authorization.SetPolicies(policies);
        // Last: bUnit makes the principal afresh on each call, keeping only the latest claims.
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "tester-id"), new Claim(ClaimTypes.Email, "tester@iwc.test"),
            new Claim(SignedInCaller.DisplayNameClaim, "Tester at IWC"), new Claim(SignedInCaller.OrganisationClaim, "2"));
    }

    /// <summary>The app's configured public address (setting PublicBaseUrl), from which absolute links are built.</summary>
    protected static readonly Uri PublicBaseUrl = new("https://sharedservices.example.gov.uk/");

    /// <summary>The clock the app sees; 23 November 2026 unless a test moves it before rendering.</summary>
    protected FixedClock Clock { get; } = new(new DateOnly(2026, 11, 23));

    protected DatabaseSettings Settings => DatabaseSettings.ForSqliteFile(_path);

    /// <summary>A factory of our own, so a test can check what was saved through a fresh context.</summary>
    protected SharedServicesDbContextFactory Database => new(Settings);

    // A copy of a database migrated and seeded once per run (see TestDatabase.cs, shared with the Core tests).
    public Task InitializeAsync() => SqliteTestDatabase.CopyTemplateAsync(_path, seeded: true);

    // xunit v2 disposes test classes synchronously, and MudBlazor's services can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(Settings.ConnectionString));
        SqliteTestDatabase.DeleteFiles(_path);
    }

    /// <summary>Renders a page after the popover and dialog providers, as the app's layout does.</summary>
    protected IRenderedComponent<T> RenderPage<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        return Render<T>(parameters ?? (_ => { }));
    }

    /// <summary>The address the app last navigated to.</summary>
    protected string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;
}
