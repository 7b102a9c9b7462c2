using Microsoft.Playwright;

namespace SharedServices.Cli;

/// <summary>
/// Real Blazor circuits opened by Debian's Chromium (as the browser tests drive it), one browser tab each, and the
/// managed heap they hold in this process (the app's), measured after a full collection.
/// </summary>
internal sealed class CircuitMeter : IAsyncDisposable
{
    public const string ChromiumVariable = "SHAREDSERVICES_CHROMIUM";

    /// <summary>Tabs opening at once: a 2-core machine that opens fifty together times some of them out.</summary>
    private const int OpeningAtOnce = 5;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private CircuitMeter(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where Chromium is: <c>$SHAREDSERVICES_CHROMIUM</c>, else Debian's /usr/bin/chromium; a clear error when it is not there.</summary>
    public static string ChromiumPath(CliEnvironment environment)
    {
        var path = environment.Variable(ChromiumVariable) is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new CliException($"bench-web: Chromium is not at {path}, so no circuits can be opened. Install Debian's (apt-get install chromium), " +
                                   $"set {ChromiumVariable} to a Chromium, or pass --no-circuits.", ExitCodes.Failed);
        return path;
    }

    public static async Task<CircuitMeter> StartAsync(string chromium)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            return new CircuitMeter(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="count"/> tabs on the address, waits until each is live (its circuit is up and rendering:
    /// the layout's #app-ready marker), and returns the managed heap with them open less the heap just before.
    /// The tabs are then left (about:blank, so Blazor tells the server the circuit is over) and closed.
    /// </summary>
    public async Task<long> HeapOfAsync(WebBenchHost host, string path, int count)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        try
        {
            await context.AddCookiesAsync(host.Cookies.Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = new Uri(host.BaseUrl).Host, Path = "/", Secure = c.Name.StartsWith("__Host-", StringComparison.Ordinal),
                HttpOnly = true, SameSite = SameSiteAttribute.Strict,
            }));
            var before = await HeapWithNoCircuitsAsync(host);
            var pages = new List<IPage>();
            using var opening = new SemaphoreSlim(OpeningAtOnce);
            await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
            {
                await opening.WaitAsync();
                try
                {
                    var page = await context.NewPageAsync();
                    lock (pages) pages.Add(page);
                    await page.GotoAsync(path);
                    try
                    {
                        await page.Locator("#app-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                    }
                    catch (TimeoutException)
                    {
                        throw new CliException($"bench-web: the page {page.Url} never became interactive (no #app-ready within 60 s).", ExitCodes.Failed);
                    }
                    // Sent to sign in instead (a refused cookie), the tab would measure the wrong page.
                    if (!page.Url.EndsWith(path, StringComparison.Ordinal))
                        throw new CliException($"bench-web: the browser was sent to {page.Url} instead of {path}.", ExitCodes.Failed);
                }
                finally { opening.Release(); }
            }));
            var with = FullyCollectedHeap();
            foreach (var page in pages) await page.GotoAsync("about:blank");
            return with - before;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// The heap once the last measurement's circuits are gone: the server ends a circuit a while after its tab leaves,
    /// and a heap read before then would count them as "before", making the next page look lighter (even negative).
    /// </summary>
    private static async Task<long> HeapWithNoCircuitsAsync(WebBenchHost host)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (host.Circuits.Held > 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(3))
                throw new CliException($"bench-web: {host.Circuits.Held} circuits were still held 3 minutes after their tabs closed.", ExitCodes.Failed);
            await Task.Delay(250);
        }
        return FullyCollectedHeap();
    }

    /// <summary>The managed heap after a full, blocking collection, finalizers run and their garbage collected too.</summary>
    public static long FullyCollectedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
