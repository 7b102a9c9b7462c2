using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SharedServices.Core.Access;

namespace SharedServices.Core.Persistence;

/// <summary>
/// Makes a short-lived context per operation, as Blazor Server needs (a circuit lives too long to share one),
/// for whichever provider the settings chose. Each context is made for the caller of the work in progress
/// (<see cref="CallerContext"/>), or for <see cref="Fallback"/> where no caller was set.
/// </summary>
public sealed class SharedServicesDbContextFactory : IDbContextFactory<SharedServicesDbContext>
{
    private readonly Func<SharedServicesDbContext> _create;

    /// <param name="settings">Which database.</param>
    /// <param name="fallback">
    /// Who is asking when the work in progress set no caller. The command line and the tests are the system; the web
    /// app passes <see cref="Caller.Nobody"/>, so that a page or download nobody signed in to sees nothing.
    /// </param>
    /// <param name="interceptors">Added to every context: a benchmark or test counting the queries run, say.</param>
    public SharedServicesDbContextFactory(DatabaseSettings settings, Caller? fallback = null, IReadOnlyList<IInterceptor>? interceptors = null)
    {
        Settings = settings;
        Fallback = fallback ?? Caller.System("System");
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(settings.ConnectionString).AddInterceptors(interceptors ?? []).Options;
            _create = () => new SqliteDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(settings.ConnectionString).AddInterceptors(interceptors ?? []).Options;
            _create = () => new PostgresDbContext(options);
        }
    }

    public DatabaseSettings Settings { get; }

    public Caller Fallback { get; }

    public SharedServicesDbContext CreateDbContext()
    {
        var db = _create();
        db.Caller = CallerContext.Current ?? Fallback;
        return db;
    }
}
