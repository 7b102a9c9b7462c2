using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core;
using SharedServices.Core.Calendar;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;

namespace SharedServices.Cli;

/// <summary>
/// The app's database and use cases for one command. Which database, first match wins: <c>--postgres</c>,
/// <c>--data-folder</c>, the environment variable <c>ConnectionStrings__Postgres</c> (as the web app reads it), then
/// SQLite in <c>$SHAREDSERVICES_DATA_FOLDER</c> or <c>./data</c> under the current directory. Like the web app's
/// start-up it migrates the schema and makes sure the bank holidays are there; unlike it, seed data is loaded only
/// when <c>--seed</c> names a folder.
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    public const string DataFolderVariable = "SHAREDSERVICES_DATA_FOLDER";
    public const string PostgresVariable = "ConnectionStrings__Postgres";

    private readonly ServiceProvider _services;

    private CliDatabase(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static DatabaseSettings Choose(string? dataFolder, string? postgres, CliEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(dataFolder))
            throw new CliException("--postgres and --data-folder choose different databases; give one of them.", ExitCodes.Usage);
        if (!string.IsNullOrWhiteSpace(postgres)) return DatabaseSettings.ForPostgres(postgres);
        if (!string.IsNullOrWhiteSpace(dataFolder)) return DatabaseSettings.Choose(null, Path.GetFullPath(dataFolder));
        var folder = environment.Variable(DataFolderVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : "data";
        return DatabaseSettings.Choose(environment.Variable(PostgresVariable), Path.GetFullPath(folder));
    }

    public static async Task<CliDatabase> OpenAsync(string? dataFolder, string? postgres, string? seedFolder, CliEnvironment environment, CancellationToken cancel)
    {
        if (seedFolder is not null && !Directory.Exists(seedFolder))
            throw new CliException($"--seed: there is no folder {Path.GetFullPath(seedFolder)}.", ExitCodes.Usage);
        var services = new ServiceCollection();
        services.AddSingleton(environment.Clock);
        services.AddSharedServicesCore(Choose(dataFolder, postgres, environment));
        var database = new CliDatabase(services.BuildServiceProvider());
        try
        {
            await DatabaseStartup.MigrateAsync(database.Get<SharedServicesDbContextFactory>(), cancel);
            await database.Get<BankHolidayReference>().EnsureYearsAsync(
                BankHolidayReference.FirstYear, BankHolidayReference.LastYear(environment.Clock.Today()), cancel);
            if (seedFolder is not null) await database.Get<SeedDataLoader>().LoadAsync(seedFolder, cancel);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
