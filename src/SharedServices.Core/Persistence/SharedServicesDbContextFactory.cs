using Microsoft.EntityFrameworkCore;

namespace SharedServices.Core.Persistence;

/// <summary>
/// Makes a short-lived context per operation, as Blazor Server needs (a circuit lives too long to share one),
/// for whichever provider the settings chose.
/// </summary>
public sealed class SharedServicesDbContextFactory : IDbContextFactory<SharedServicesDbContext>
{
    private readonly Func<SharedServicesDbContext> _create;

    public SharedServicesDbContextFactory(DatabaseSettings settings)
    {
        Settings = settings;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(settings.ConnectionString).Options;
            _create = () => new SqliteDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(settings.ConnectionString).Options;
            _create = () => new PostgresDbContext(options);
        }
    }

    public DatabaseSettings Settings { get; }

    public SharedServicesDbContext CreateDbContext() => _create();
}
