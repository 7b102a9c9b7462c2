using System.Net;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>A bad asOf or within on a download is named, never echoed back.</summary>
public sealed class DownloadErrorTests(AppHost host) : IClassFixture<AppHost>, IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script>";
    private HttpClient _client = default!;

    public async Task InitializeAsync() => _client = await host.ClientForAsync("IWC");

    public Task DisposeAsync() => Task.CompletedTask; // the host's client, shared by the class

    [Theory]
    [InlineData("/key-dates/calendar.ics", "asOf", "asOf must be a date from 1900 to 2999 written like 2026-11-23.")]
    [InlineData("/key-dates/workbook.xlsx", "asOf", "asOf must be a date from 1900 to 2999 written like 2026-11-23.")]
    [InlineData("/key-dates/calendar.ics", "within", "within must be a whole number of days from 1 to 3,660.")]
    [InlineData("/key-dates/workbook.xlsx", "within", "within must be a whole number of days from 1 to 3,660.")]
    public async Task Download_ScriptInParameter_NamesTheParameterWithoutEchoingIt(string path, string parameter, string message)
    {
        using var response = await _client.GetAsync($"{path}?{parameter}={Uri.EscapeDataString(Script)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, body);
        Assert.DoesNotContain("<", body);
        Assert.DoesNotContain("alert", body);
    }

    [Fact]
    public async Task Download_BothParametersBad_NamesBoth()
    {
        using var response = await _client.GetAsync("/key-dates/calendar.ics?asOf=2026-13-01&within=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("asOf must be a date from 1900 to 2999 written like 2026-11-23." + Environment.NewLine +
                     "within must be a whole number of days from 1 to 3,660.", await response.Content.ReadAsStringAsync());
    }
}
