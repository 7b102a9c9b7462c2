using System.Diagnostics;

namespace SharedServices.Cli;

/// <summary>What a bounded load on one address measured; <see cref="Bytes"/> is the size of a successful answer's body.</summary>
internal sealed record LoadResult(int Requests, double Seconds, long Bytes, double P50, double P95, double P99, IReadOnlyDictionary<string, int> Errors)
{
    /// <summary>Requests completed per second, errors included (a fast error is still an answer; the error count says so).</summary>
    public double RequestsPerSecond => Requests / Seconds;

    public int ErrorCount => Errors.Values.Sum();
}

/// <summary>
/// A bounded HTTP load, like wrk's: a number of clients, each sending a GET as soon as its last answer has been read
/// in full, for a fixed time, on loopback. Any answer but a 2xx (a redirect to sign-in included) is an error.
/// </summary>
internal static class LoadRunner
{
    /// <summary>One client for the whole run, its connections kept open, sending the signed-in person's cookie by hand.</summary>
    public static HttpClient ClientFor(string baseUrl, string cookieHeader, int clients)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = clients,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(100),
        };
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    public static async Task<LoadResult> RunAsync(HttpClient client, string path, int clients, TimeSpan duration, CancellationToken cancel)
    {
        var latencies = new List<double>[clients];
        var errors = new Dictionary<string, int>();
        long bytes = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4_096);
            // Each client sends at least one request: on a machine loaded enough, a client may only start after the
            // time is up, and a target with no answer at all would leave nothing to report.
            do
            {
                var started = watch.Elapsed;
                string? error;
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancel);
                    if (response.IsSuccessStatusCode) Interlocked.Exchange(ref bytes, response.Content.Headers.ContentLength ?? 0);
                    error = response.IsSuccessStatusCode ? null
                        : $"{(int)response.StatusCode} {response.ReasonPhrase}{(response.Headers.Location is { } to ? " to " + to : "")}";
                }
                catch (HttpRequestException ex) { error = ex.GetBaseException().Message; }
                catch (TaskCanceledException) when (!cancel.IsCancellationRequested) { error = "timed out"; }
                mine.Add((watch.Elapsed - started).TotalMilliseconds);
                if (error is not null)
                    lock (errors) errors[error] = errors.GetValueOrDefault(error) + 1;
            }
            while (watch.Elapsed < duration);
        }, cancel)));
        var seconds = watch.Elapsed.TotalSeconds; // until the last answer, so requests still in flight at the deadline count in time too
        var all = latencies.SelectMany(l => l).Order().ToArray();
        if (all.Length == 0) throw new CliException($"bench-web: no request to {path} completed.", ExitCodes.Failed);
        return new LoadResult(all.Length, seconds, bytes, Percentile(all, 50), Percentile(all, 95), Percentile(all, 99), errors);
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value with at least p% of them at or below it.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
