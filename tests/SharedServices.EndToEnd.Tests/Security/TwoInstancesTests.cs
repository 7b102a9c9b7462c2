using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// Two instances of the app behind a load balancer, on one PostgreSQL database: a person signs in on one and carries
/// on on the other, because the Data Protection keys that seal the cookie (and the anti-forgery tokens) live in the
/// shared database. A test database of its own on the test command's PostgreSQL (SHAREDSERVICES_TEST_POSTGRES).
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly string _database = $"sharedservices_two_{Guid.NewGuid():N}";
    private readonly List<WebApplicationFactory<Program>> _instances = [];
    private readonly List<string> _folders = [];

    private static string Server => Environment.GetEnvironmentVariable("SHAREDSERVICES_TEST_POSTGRES") is { Length: > 0 } server ? server
        : throw new InvalidOperationException("SHAREDSERVICES_TEST_POSTGRES is not set, so there is no PostgreSQL to share. Run ./test.sh, which starts one.");

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    private WebApplicationFactory<Program> Instance()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sharedservices-two-{Guid.NewGuid():N}");
        _folders.Add(folder);
        var instance = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            AppHost.UseTestSettings(web, folder);
            web.UseSetting("ConnectionStrings:Postgres", $"{Server};Database={_database}");
        });
        _instances.Add(instance);
        return instance;
    }

    [Fact]
    public async Task SignedInOnOne_CarriesOnOnTheOther()
    {
        var first = Instance();
        using var onFirst = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Testers.EnsureAsync(first.Services, "IWC");
        await Testers.SignInAsync(onFirst, "IWC");
        using var signedIn = await onFirst.GetAsync("/partnerships");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        // The cookie the browser holds after signing in on the first instance.
        var cookie = string.Join("; ", signedIn.RequestMessage!.Headers.GetValues("Cookie"));

        var second = Instance();
        using var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/partnerships/scc-iwc-education-support");
        request.Headers.Add("Cookie", cookie);
        using var carriedOn = await onSecond.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, carriedOn.StatusCode);
        Assert.Contains("Tester at IWC", WebUtility.HtmlDecode(await carriedOn.Content.ReadAsStringAsync()));
        // And without the cookie, the second instance sends the visitor to sign in.
        using var anonymous = await onSecond.GetAsync("/partnerships/scc-iwc-education-support");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        foreach (var folder in _folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }
}
