using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Charging;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Vat;

namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class SchedulesListTests(SeededDatabase database)
{
    [Fact]
    public async Task Text_with_no_schedules_says_so()
    {
        var result = await database.RunAsync(["schedules", "list"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal("No charge schedules are recorded yet." + Environment.NewLine, result.Out);
    }

    [Fact]
    public async Task Json_with_no_schedules_has_a_count_of_nought()
    {
        var result = await database.RunAsync(["schedules", "list", "--partnership", "iwc-hcc-buy-back", "--json", "--as-of", "2024-04-01"]);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(0, json.GetProperty("count").GetInt32());
        Assert.Equal("2024-04-01", json.GetProperty("asOf").GetString());
        Assert.Equal("iwc-hcc-buy-back", json.GetProperty("partnership").GetString());
    }

    [Fact]
    public async Task Unknown_partnership_exits_1_naming_the_code()
    {
        var result = await database.RunAsync(["schedules", "list", "--partnership", "no-such-partnership"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("sharedservices: No partnership has the code \"no-such-partnership\"." + Environment.NewLine, result.Error);
    }

    [Theory]
    [InlineData("--partnership")]
    [InlineData("--as-of", "1 April 2013")]
    [InlineData("--colour")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await database.RunAsync(["schedules", "list", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sharedservices: ", result.Error);
    }
}

/// <summary>A database of its own, with one schedule written through the use case, so the shared one stays empty of schedules.</summary>
public sealed class SchedulesListWithDataTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var seeded = await SeededDatabase.Run(["partnerships", "list", "--seed", SeededDatabase.SeedFolder, "--data-folder", _folder], SeededDatabase.NoVariables());
        Assert.Equal(0, seeded.ExitCode);
        var factory = new SharedServicesDbContextFactory(DatabaseSettings.ForSqliteFile(Path.Combine(_folder, DatabaseSettings.SqliteFileName)));
        int serviceId;
        await using (var db = factory.CreateDbContext())
        {
            serviceId = await db.TradedServices.Where(s => s.Name == "Educational psychology").Select(s => s.Id).SingleAsync();
            var change = new VatTreatmentChange(new DateOnly(2012, 9, 1), VatTreatment.OutsideTheScope);
            db.ServiceVatTreatments.Add(change);
            db.Entry(change).Property("TradedServiceId").CurrentValue = serviceId;
            await db.SaveChangesAsync();
        }
        var schedules = new ChargeSchedules(factory, new FixedClock(new DateOnly(2013, 11, 20)));
        await schedules.AddVersionAsync(serviceId, new(new DateOnly(2012, 9, 1), ChargingBasis.DayRate(new Money(420_00))));
        await schedules.AddVersionAsync(serviceId, new(new DateOnly(2013, 4, 1), ChargingBasis.DayRate(new Money(432_60))));
    }

    private Task<CliResult> Run(params string[] args) =>
        SeededDatabase.Run(["schedules", "list", .. args, "--data-folder", _folder], SeededDatabase.NoVariables(new FixedClock(new DateOnly(2013, 11, 20))));

    [Fact]
    public async Task Text_shows_the_version_in_force_today_with_basis_rate_and_vat()
    {
        var result = await Run("--partnership", "scc-iwc-education-support");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Partnership", lines[0]);
        Assert.Equal(3, lines.Length); // header, rule, one scheduled service
        Assert.Matches(@"^scc-iwc-education-support\s+Educational psychology\s+1 April 2013\s+Day rate £432\.60\s+Outside the scope \(non-business\)$", lines[2]);
    }

    [Fact]
    public async Task Json_as_of_an_earlier_day_gives_the_earlier_version()
    {
        var result = await Run("--json", "--as-of", "2013-03-31");

        Assert.Equal(0, result.ExitCode);
        var service = Assert.Single(result.Json().GetProperty("services").EnumerateArray());
        Assert.Equal("Educational psychology", service.GetProperty("serviceName").GetString());
        Assert.Equal("2012-09-01", service.GetProperty("effectiveFrom").GetString());
        Assert.Equal("2013-11-20", service.GetProperty("enteredOn").GetString());
        Assert.Equal("DayRate", service.GetProperty("basis").GetString());
        Assert.Equal(42000, service.GetProperty("ratePence").GetInt64());
        Assert.Equal("OutsideTheScope", service.GetProperty("vat").GetString());
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
