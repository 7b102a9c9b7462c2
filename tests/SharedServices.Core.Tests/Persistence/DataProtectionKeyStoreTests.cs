using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Persistence;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Persistence;

/// <summary>Two app instances over one database share their Data Protection keys, as instances behind a load balancer must.</summary>
public abstract class DataProtectionKeyStoreTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override bool LoadSeedData => false;

    private ServiceProvider Instance() =>
        new ServiceCollection()
            .AddSharedServicesCore(Factory.Settings)
            .AddDataProtection().PersistKeysToSharedServicesDatabase().Services
            .BuildServiceProvider();

    [Fact]
    public async Task Protect_OnOneInstance_UnprotectsOnAnother()
    {
        await using var first = Instance();
        await using var second = Instance();

        var secret = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("antiforgery").Protect("circuit state");
        var read = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("antiforgery").Unprotect(secret);

        Assert.Equal("circuit state", read);
        await using var db = Factory.CreateDbContext();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.Contains("<key ", key.Xml);
    }
}

public sealed class DataProtectionKeyStoreTests_Sqlite : DataProtectionKeyStoreTests<SqliteTestDatabase>;

public sealed class DataProtectionKeyStoreTests_Postgres : DataProtectionKeyStoreTests<PostgresTestDatabase>;
