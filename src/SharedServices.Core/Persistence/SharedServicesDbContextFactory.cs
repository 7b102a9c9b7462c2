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
            var options = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(WithoutJit(settings.ConnectionString)).AddInterceptors(interceptors ?? []).Options;
            _create = () => new PostgresDbContext(options);
        }
    }

    /// <summary>
    /// PostgreSQL's JIT compiles any statement whose estimated cost passes 100,000, which the register's page-with-its-total
    /// and search statements do at 10,000 partnerships: 110–130 ms of compiling for a query that runs in 5–15 ms.
    /// Our statements are short OLTP ones, so it is switched off for the app's connections unless the connection
    /// string already says otherwise.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true) return connectionString;
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
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
