using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Persistence;

/// <summary>The app's PostgreSQL connections run without JIT, which cost 110–130 ms of compiling per register query.</summary>
public sealed class PostgresJitTests
{
    [Fact]
    public void WithoutJit_AddsTheSettingToAStringWithoutOptions()
    {
        var text = SharedServicesDbContextFactory.WithoutJit("Host=db;Username=app");

        Assert.Contains("Options=\"-c jit=off\"", text);
        Assert.Contains("Host=db", text);
    }

    [Fact]
    public void WithoutJit_KeepsOtherOptionsAndAddsToThem()
    {
        var text = SharedServicesDbContextFactory.WithoutJit("Host=db;Options=-c statement_timeout=5000");

        Assert.Contains("Options=\"-c statement_timeout=5000 -c jit=off\"", text);
    }

    [Fact]
    public void WithoutJit_LeavesAChoiceAboutJitAlone()
    {
        const string chosen = "Host=db;Options=-c jit=on";

        Assert.Equal(chosen, SharedServicesDbContextFactory.WithoutJit(chosen));
    }

    [Fact]
    public async Task AConnectionFromTheFactory_HasJitOff()
    {
        await using var database = new PostgresTestDatabase();
        await database.CreateAsync();
        await using var db = database.Factory.CreateDbContext();

        var jit = await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync();

        Assert.Equal("off", jit);
    }
}
