using SharedServices.Core.Caching;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Caching;

/// <summary>The cache's own rule: a value is served only while the stamp it was built under is current.</summary>
public abstract class ChangeStampCacheTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override bool LoadSeedData => false;

    private readonly ChangeStampCache _cache = new();
    private static readonly CacheKey Key = new("A test value", CacheKey.Everyone);
    private int _builds;

    private async Task<string> GetAsync(Func<Task<string>> build)
    {
        await using var db = Factory.CreateDbContext();
        return await _cache.GetAsync(db, Key, [ChangeArea.Organisations], async () =>
        {
            _builds++;
            return await build();
        });
    }

    [Fact]
    public async Task Get_AChangeLandsWhileTheValueIsBuilt_TheNextUseBuildsAgain()
    {
        await GetAsync(async () =>
        {
            // Another instance's change commits after this use read the stamp and before its value is stored.
            await using var other = Factory.CreateDbContext();
            await other.MarkChangedAsync(ChangeArea.Organisations);
            return "built as the change landed";
        });

        var next = await GetAsync(() => Task.FromResult("built after the change"));
        var then = await GetAsync(() => Task.FromResult("built a third time"));

        Assert.Equal(("built after the change", "built after the change"), (next, then));
        Assert.Equal(2, _builds); // the third use was served from the cache
    }

    [Fact]
    public async Task Get_AnotherAreaChanges_TheValueIsStillServed()
    {
        await GetAsync(() => Task.FromResult("organisations as they were"));
        await using (var db = Factory.CreateDbContext())
            await db.MarkChangedAsync(ChangeArea.BankHolidays);

        Assert.Equal("organisations as they were", await GetAsync(() => Task.FromResult("built again")));
        Assert.Equal(1, _builds);
    }
}

public sealed class ChangeStampCacheTests_Sqlite : ChangeStampCacheTests<SqliteTestDatabase>;

public sealed class ChangeStampCacheTests_Postgres : ChangeStampCacheTests<PostgresTestDatabase>;
