namespace SharedServices.Web.Startup;

/// <summary>
/// Outside Development the stylesheets and scripts come only from a published app's wwwroot. Started from the build
/// output instead, every one of them is answered with an empty 200, so pages arrive unstyled and never connect, and
/// nothing says why. This says why, once, at start.
/// </summary>
public sealed class StaticAssetsCheck(IWebHostEnvironment environment, ILogger<StaticAssetsCheck> log) : IHostedService
{
    /// <summary>A file only a published app (or Development's static web assets) has.</summary>
    public const string Probe = "_content/MudBlazor/MudBlazor.min.css";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && !environment.WebRootFileProvider.GetFileInfo(Probe).Exists)
            log.LogError(
                "The stylesheets and scripts are missing from {WebRoot} ({Probe} is not there), so every page will be served without them. " +
                "Outside Development run the published app: dotnet publish src/SharedServices.Web -c Release -o FOLDER, then start " +
                "SharedServices.Web.dll from FOLDER.",
                environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), Probe);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
