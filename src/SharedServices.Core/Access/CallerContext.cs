namespace SharedServices.Core.Access;

/// <summary>
/// The caller of the work in progress, carried with it through every await (an <see cref="AsyncLocal{T}"/>), so that
/// the use cases stay singletons and every database context they make is scoped to whoever asked. The web app sets it
/// for each request and each piece of circuit activity from the signed-in user; the command line and start-up set the
/// system. Where nothing set it, <see cref="Persistence.SharedServicesDbContextFactory"/> uses its own fallback, which
/// in the web app is <see cref="Caller.Nobody"/>: work nobody vouched for sees nothing.
/// </summary>
public static class CallerContext
{
    private static readonly AsyncLocal<Caller?> Ambient = new();

    /// <summary>The caller set for the work in progress, or null when none was.</summary>
    public static Caller? Current => Ambient.Value;

    /// <summary>Makes <paramref name="caller"/> the caller until the returned value is disposed.</summary>
    public static IDisposable Use(Caller caller)
    {
        var previous = Ambient.Value;
        Ambient.Value = caller;
        return new Restore(previous);
    }

    private sealed class Restore(Caller? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
