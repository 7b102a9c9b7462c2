using SharedServices.Core.Persistence;

namespace SharedServices.Web.Security;

/// <summary>
/// The address people use to reach the app (setting <c>PublicBaseUrl</c>, e.g. https://sharedservices.council.gov.uk).
/// Absolute links, such as the calendar subscription address, are built from it and never from the request's Host
/// header, which anyone can forge while <c>AllowedHosts</c> is "*". It is also the one origin allowed to open the
/// Blazor connection (<see cref="OriginCheck"/>). When it is not set, the app's own listening addresses stand in, which
/// suits a developer's machine; behind a proxy or load balancer it must be set.
/// </summary>
public sealed class PublicAddress
{
    public const string SettingName = "PublicBaseUrl";

    private readonly Uri? _configured;
    private readonly Func<IEnumerable<string>> _listeningAddresses;

    /// <param name="configured">The configured address, or null to use the listening addresses.</param>
    /// <param name="listeningAddresses">The server's addresses, read when first needed (they are known only once it listens).</param>
    public PublicAddress(Uri? configured, Func<IEnumerable<string>>? listeningAddresses = null)
    {
        _configured = configured;
        _listeningAddresses = listeningAddresses ?? (() => []);
    }

    /// <summary>Reads <c>PublicBaseUrl</c>; a value that is not an absolute http or https address stops start-up.</summary>
    public static Uri? FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new StartupException($"The setting {SettingName} must be the app's address, like https://sharedservices.example.gov.uk/, " +
                                       "written with http:// or https:// and without ?query or #fragment.");
        return uri;
    }

    /// <summary>The app's base address, ending in "/".</summary>
    public Uri BaseUri => _configured is { } uri ? WithTrailingSlash(uri) : Origins().FirstOrDefault() ?? new Uri("http://localhost/");

    /// <summary>An absolute address for a path inside the app ("/key-dates/calendar.ics" or "key-dates").</summary>
    public string Link(string pathAndQuery) => new Uri(BaseUri, pathAndQuery.TrimStart('/')).ToString();

    /// <summary>Whether a browser's Origin header names this app.</summary>
    public bool IsOwnOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && Origins().Any(own =>
            own.Scheme == uri.Scheme && own.Port == uri.Port && string.Equals(own.Host, uri.Host, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<Uri> Origins()
    {
        if (_configured is { } uri)
        {
            yield return uri;
            yield break;
        }
        foreach (var address in _listeningAddresses())
        {
            // Kestrel reports a wildcard (0.0.0.0, [::], + or *) as given; on a developer's machine that is reached as localhost.
            var parsed = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
            var wildcard = parsed.Host is "0.0.0.0" or "[::]" or "::";
            var own = wildcard ? new UriBuilder(parsed.Scheme, "localhost", parsed.Port).Uri : parsed;
            yield return own;
            if (!wildcard && !own.IsLoopback) continue;
            // The same loopback port answers to each of its names, so each is the app's own origin.
            foreach (var name in new[] { "localhost", "127.0.0.1", "[::1]" })
                yield return new UriBuilder(parsed.Scheme, name, parsed.Port).Uri;
        }
    }

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
}
