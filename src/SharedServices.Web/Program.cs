using SharedServices.Web.Components.Features.Account;
using SharedServices.Web.Components.Features.Activity;
using SharedServices.Web.Components.Features.Audit;
using SharedServices.Web.Components.Features.Invoices;
using SharedServices.Web.Components.Features.KeyDates;
using SharedServices.Web.Components.Features.Sources;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MudBlazor.Services;
using SharedServices.Core;
using SharedServices.Core.Persistence;
using SharedServices.Web.Components;
using SharedServices.Web.Security;
using SharedServices.Web.Startup;

// Councils in England read dates as 13 November 2012 and money as £1,234.56, whatever the server's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

var builder = WebApplication.CreateBuilder(args);

StartupOptions startup;
try
{
    startup = StartupOptions.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
    builder.AddSecurityBasics();
}
catch (StartupException ex)
{
    return CannotStart(ex);
}
builder.Services.AddSingleton(startup);
// Work that no signed-in person (and not start-up) vouched for sees nothing.
builder.Services.AddSharedServicesCore(startup.Database, SharedServices.Core.Access.Caller.Nobody);
builder.Services.AddHostedService<DatabaseStartupService>();
// After the database start-up: works out today's stored key dates in the background.
builder.Services.AddHostedService<KeyDateDerivationService>();
// After the database start-up, so that Data Protection's own start-up reads its keys from a migrated database.
builder.Services.AddDataProtection().PersistKeysToSharedServicesDatabase();
// After Data Protection too: sign-in's cookies need its keys, and must not start it before the database is migrated.
builder.AddSignIn();
builder.Services.AddHostedService<StaticAssetsCheck>();
builder.Services.AddMudServices();
builder.Services.AddSourceDocuments();
builder.Services.AddScoped<CurrentOfficer>();
// 64 KB a message, on purpose: the longest field (4,000 characters) escaped at 6 bytes a character fits with room to
// spare, where SignalR's default 32 KB would not; a larger limit would only let a client make the server buffer more.
// How many live sessions are kept, and for how long after the browser goes: see CircuitLimits.Configure.
builder.Services.AddRazorComponents().AddInteractiveServerComponents(CircuitLimits.Configure)
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = CircuitLimits.MaximumReceiveMessageSize);

var app = builder.Build();
app.UseSecurityBasics();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization("en-GB");
app.UseSignIn();
app.UseAntiforgery();
// Styles and scripts are the same for everyone, and the sign-in page needs them before anyone is signed in.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapKeyDateDownloads();
app.MapInvoiceDownloads();
app.MapSourceDocuments();
app.MapActivityDownloads();
app.MapAccountEndpoints();
app.MapAuditDownloads();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses) Console.WriteLine($"SharedServices is running at {address}  ({startup.Database.Describe()})");
});

try
{
    await app.RunAsync();
    return 0;
}
catch (StartupException ex)
{
    return CannotStart(ex);
}

static int CannotStart(StartupException ex)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("SharedServices cannot start:");
    Console.Error.WriteLine(ex.Message);
    return 1;
}

/// <summary>Visible to the in-process test host.</summary>
public partial class Program;
