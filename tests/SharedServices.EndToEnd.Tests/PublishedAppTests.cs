using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// The app as a council would run it: `dotnet publish`, then the published dll started in Production from its own
/// folder. Run straight from the build output outside Development, every CSS and JS file is an empty 200, because
/// MudBlazor's files and the fingerprinted copies exist only in the publish folder.
/// </summary>
/// <remarks>
/// Publishes with --no-build in the configuration the tests were built in: the same publish step that lays out
/// wwwroot and the static assets manifest, without compiling again (a Release build here takes minutes on a
/// loaded machine; it changes the compiled code, not where the assets come from).
/// </remarks>
public sealed partial class PublishedAppTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sharedservices-publish-{Guid.NewGuid():N}");
    private readonly System.Text.StringBuilder _log = new();
    private Process? _app;

    private string PublishFolder => Path.Combine(_folder, "app");

    [Fact]
    public async Task Published_app_in_production_serves_every_stylesheet_and_script_with_its_content()
    {
        await Publish();
        var baseUrl = await StartInProduction(Path.Combine(PublishFolder, "SharedServices.Web.dll"));
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

        var page = await http.GetStringAsync("/");
        var referenced = AssetReference().Matches(page).Select(m => m.Groups["url"].Value).ToList();

        // The four the layout names, by their plain addresses, byte for byte as published…
        foreach (var asset in new[] { "_content/MudBlazor/MudBlazor.min.css", "app.css", "_content/MudBlazor/MudBlazor.min.js", "_framework/blazor.web.js" })
        {
            var published = await File.ReadAllBytesAsync(Path.Combine(PublishFolder, "wwwroot", asset));
            Assert.NotEmpty(published);
            Assert.Equal(published, await Body(http, asset));
        }
        // …and every stylesheet and script the page links (fingerprinted names, the scoped CSS bundle), not empty.
        Assert.Contains(referenced, url => url.StartsWith("_content/MudBlazor/MudBlazor.min.") && url.EndsWith(".css"));
        Assert.Contains(referenced, url => url.StartsWith("app.") && url.EndsWith(".css"));
        foreach (var url in referenced)
        {
            output.WriteLine(url);
            Assert.True((await Body(http, url)).Length > 100, $"{url} is served empty");
        }
        Assert.DoesNotContain("stylesheets and scripts are missing", Log);
    }

    [Fact]
    public async Task Build_output_started_in_production_says_at_start_that_it_must_be_published()
    {
        var built = Path.Combine(RepositoryRoot(), "src", "SharedServices.Web", "bin", Configuration, "net10.0", "SharedServices.Web.dll");

        await StartInProduction(built);

        Assert.Contains(
            $"The stylesheets and scripts are missing from {Path.Combine(Path.GetDirectoryName(built)!, "wwwroot")} " +
            "(_content/MudBlazor/MudBlazor.min.css is not there), so every page will be served without them. " +
            "Outside Development run the published app: dotnet publish src/SharedServices.Web -c Release -o FOLDER", Log.Replace(Environment.NewLine, " "));
    }

    private static async Task<byte[]> Body(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [GeneratedRegex("""<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex AssetReference();

    private async Task Publish()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "SharedServices.Web", "SharedServices.Web.csproj");
        var (exit, log) = await Run("publish", project, "--no-build", "-c", Configuration, "-o", PublishFolder, "-nologo");
        Assert.True(exit == 0, $"dotnet publish failed:\n{log}");
    }

    /// <summary>What the app printed so far.</summary>
    private string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>Starts the dll in Production from its own folder, as a service would, and waits for the address it prints.</summary>
    private async Task<string> StartInProduction(string dll)
    {
        var start = Dotnet(dll);
        start.WorkingDirectory = Path.GetDirectoryName(dll)!;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DataFolder"] = Path.Combine(_folder, "data");
        start.Environment["SeedData__Load"] = "false";
        start.Environment["ConnectionStrings__Postgres"] = "";
        // One line per message, so a message can be read whole from the log.
        start.Environment["Logging__Console__FormatterName"] = "systemd";
        _app = Process.Start(start)!;
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object _, DataReceivedEventArgs line)
        {
            if (line.Data is null) return;
            lock (_log) _log.AppendLine(line.Data);
            if (RunningAt().Match(line.Data) is { Success: true } match) address.TrySetResult(match.Groups["url"].Value);
        }
        _app.OutputDataReceived += Read;
        _app.ErrorDataReceived += Read;
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        var started = await Task.WhenAny(address.Task, _app.WaitForExitAsync(), Task.Delay(Limit));
        Assert.True(started == address.Task, $"the app did not start:\n{Log}");
        return address.Task.Result;
    }

    [GeneratedRegex(@"SharedServices is running at (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex RunningAt();

    private static async Task<(int Exit, string Log)> Run(params string[] args)
    {
        using var process = Process.Start(Dotnet(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Limit);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The test host's own MSBuild settings (set by `dotnet test`) must not steer a child's publish.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        return start;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SharedServices.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No SharedServices.sln above {AppContext.BaseDirectory}: this test publishes the web project from the repository.");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
