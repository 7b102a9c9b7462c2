using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;

namespace SharedServices.Core.Tests.Database;

/// <summary>
/// Base for tests that run against both databases: each test class is written once, generic in the database,
/// and declared twice (…_Sqlite, …_Postgres). Each test gets its own migrated database with the seed data loaded (a copy of one built once per run).
/// </summary>
public abstract class DatabaseTest<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private readonly TDatabase _database = new();
    private ServiceProvider? _services;

    protected SharedServicesDbContextFactory Factory => _database.Factory;

    /// <summary>The app's own registrations, over this test's database.</summary>
    protected IServiceProvider Services => _services!;

    /// <summary>Whether to load seed-data/ before each test.</summary>
    protected virtual bool LoadSeedData => true;

    protected static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seed-data");

    public async Task InitializeAsync()
    {
        await _database.CreateMigratedAsync(LoadSeedData);
        var services = new ServiceCollection();
        ConfigureServices(services);
        services.AddSharedServicesCore(_database.Settings);
        _services = services.BuildServiceProvider();
    }

    protected virtual void ConfigureServices(IServiceCollection services) { }

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
