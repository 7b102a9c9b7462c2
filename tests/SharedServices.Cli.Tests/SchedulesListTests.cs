using System.Text.Json.Nodes;
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
        // The seed data without its charges: the shipped seed gives every service an illustrative schedule.
        var folder = Path.Combine(Path.GetTempPath(), $"sharedservices-cli-{Guid.NewGuid():N}");
        var seed = Path.Combine(folder, "seed");
        try
        {
            foreach (var file in Directory.GetFiles(SeededDatabase.SeedFolder, "*.json", SearchOption.AllDirectories))
            {
                var json = JsonNode.Parse(File.ReadAllText(file))!;
                foreach (var service in json["services"]?.AsArray() ?? []) service!.AsObject().Remove("charges");
                var target = Path.Combine(seed, Path.GetRelativePath(SeededDatabase.SeedFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, json.ToJsonString());
            }
            var data = Path.Combine(folder, "data");
            Assert.Equal(0, (await SeededDatabase.Run(["partnerships", "list", "--seed", seed, "--data-folder", data], SeededDatabase.NoVariables())).ExitCode);

            var result = await SeededDatabase.Run(["schedules", "list", "--data-folder", data], SeededDatabase.NoVariables());

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            Assert.Equal("No charge schedules are recorded yet." + Environment.NewLine, result.Out);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Json_for_the_buy_back_gives_its_illustrative_seed_schedule()
    {
        var result = await database.RunAsync(["schedules", "list", "--partnership", "iwc-hcc-buy-back", "--json", "--as-of", "2024-04-01"]);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(1, json.GetProperty("count").GetInt32());
        Assert.Equal("2024-04-01", json.GetProperty("asOf").GetString());
        Assert.Equal("iwc-hcc-buy-back", json.GetProperty("partnership").GetString());
        var service = Assert.Single(json.GetProperty("services").EnumerateArray());
        Assert.Equal("2024-03-05", service.GetProperty("effectiveFrom").GetString());
        Assert.Equal("HourlyRate", service.GetProperty("basis").GetString());
        Assert.Equal(7200, service.GetProperty("ratePence").GetInt64());
        Assert.Equal("StandardRated", service.GetProperty("vat").GetString());
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

/// <summary>A database of its own, where a version is added through the use case to a seed service's illustrative schedule.</summary>
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
            serviceId = await db.TradedServices.Where(s => s.Name == "Educational psychology").Select(s => s.Id).SingleAsync();
        // The seed gives £430.00 from 1 September 2012 and £434.30 from 1 April 2013 (entered 18 November 2013).
        var schedules = new ChargeSchedules(factory, new FixedClock(new DateOnly(2013, 11, 20)));
        await schedules.AddVersionAsync(serviceId, new(new DateOnly(2014, 4, 1), ChargingBasis.DayRate(new Money(440_00))));
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
        Assert.Equal(6, lines.Length); // header, rule, the partnership's four services
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line,
            @"^scc-iwc-education-support\s+Educational psychology\s+1 April 2013\s+Day rate £434\.30\s+Outside the scope \(non-business\)$"));
    }

    [Theory]
    [InlineData("2013-03-31", "2012-09-01", "2012-11-20", 43000)]
    [InlineData("2014-04-01", "2014-04-01", "2013-11-20", 44000)] // the version added through the use case
    public async Task Json_as_of_a_day_gives_the_version_then(string asOf, string effectiveFrom, string enteredOn, long ratePence)
    {
        var result = await Run("--json", "--as-of", asOf);

        Assert.Equal(0, result.ExitCode);
        var services = result.Json().GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(9, services.Count); // every seed service has an illustrative schedule
        var service = Assert.Single(services, s => s.GetProperty("serviceName").GetString() == "Educational psychology");
        Assert.Equal(effectiveFrom, service.GetProperty("effectiveFrom").GetString());
        Assert.Equal(enteredOn, service.GetProperty("enteredOn").GetString());
        Assert.Equal("DayRate", service.GetProperty("basis").GetString());
        Assert.Equal(ratePence, service.GetProperty("ratePence").GetInt64());
        Assert.Equal("OutsideTheScope", service.GetProperty("vat").GetString());
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
