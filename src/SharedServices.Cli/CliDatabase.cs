using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core;
using SharedServices.Core.Access;
using SharedServices.Core.Calendar;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;

namespace SharedServices.Cli;

/// <summary>
/// The app's database and use cases for one command. Which database, first match wins: <c>--postgres</c>,
/// <c>--data-folder</c>, the environment variable <c>ConnectionStrings__Postgres</c> (as the web app reads it), then
/// SQLite in the web app's data folder (<see cref="DefaultDataFolder"/>). Like the web app's start-up it migrates the
/// schema and makes sure the bank holidays are there. Unlike it, it never creates a database or loads seed data
/// unless told to (<c>--seed</c> or <c>db init</c>): a missing or empty database is an error saying how to load data,
/// so that a mistyped folder fails a scheduled job instead of reporting "no key dates".
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    /// <summary>The web app's own setting, read from the environment as ASP.NET Core reads it.</summary>
    public const string WebDataFolderVariable = "DataFolder";
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
        if (!string.IsNullOrWhiteSpace(dataFolder)) return InFolder(dataFolder);
        if (environment.Variable(PostgresVariable) is { Length: > 0 } fromEnvironment) return DatabaseSettings.ForPostgres(fromEnvironment);
        return InFolder(environment.Variable(WebDataFolderVariable) is { Length: > 0 } webFolder ? webFolder
            : environment.Variable(DataFolderVariable) is { Length: > 0 } folder ? folder
            : DefaultDataFolder());
    }

    /// <summary>
    /// Where the web app keeps its data when nothing says otherwise: <c>data</c> under its content root. Run from a
    /// source checkout (<c>dotnet run --project src/SharedServices.Web</c>) that is <c>src/SharedServices.Web/data</c>,
    /// found from the command line's own build folder; a published app started from its folder uses <c>./data</c>.
    /// </summary>
    public static string DefaultDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SharedServices.sln")) && Directory.Exists(Path.Combine(dir.FullName, "src", "SharedServices.Web")))
                return Path.Combine(dir.FullName, "src", "SharedServices.Web", "data");
        return Path.GetFullPath("data");
    }

    // Never creates the folder: only OpenAsync does, and only when told to create the database.
    private static DatabaseSettings InFolder(string folder) =>
        DatabaseSettings.ForSqliteFile(Path.Combine(Path.GetFullPath(folder), DatabaseSettings.SqliteFileName));

    /// <param name="create">Create and migrate the database if it is missing or empty (<c>db init</c>); a seed folder implies it.</param>
    public static async Task<CliDatabase> OpenAsync(string? dataFolder, string? postgres, string? seedFolder, CliEnvironment environment,
        TextWriter log, CancellationToken cancel, bool create = false)
    {
        if (seedFolder is not null && !Directory.Exists(seedFolder))
            throw new CliException($"--seed: there is no folder {Path.GetFullPath(seedFolder)}.", ExitCodes.Usage);
        create |= seedFolder is not null;
        var settings = Choose(dataFolder, postgres, environment);
        if (create && settings.Provider == DatabaseProvider.Sqlite) CreateFolderFor(settings);
        var services = new ServiceCollection();
        services.AddSingleton(environment.Clock);
        // What the command line changes is recorded as done by whoever ran it, under their login name.
        services.AddSharedServicesCore(settings, SharedServices.Core.Access.Caller.System($"Command line ({Environment.UserName})"));
        // Identity's user manager, for `users add` (the first administrator) and the other `users` verbs.
        services.AddSharedServicesAccounts();
        var database = new CliDatabase(services.BuildServiceProvider());
        try
        {
            var factory = database.Get<SharedServicesDbContextFactory>();
            if (!create) await CheckThereIsADatabase(factory, cancel);
            await DatabaseStartup.MigrateAsync(factory, new CliLogger(log), cancel: cancel);
            await database.Get<BankHolidayReference>().EnsureYearsAsync(
                BankHolidayReference.FirstYear, BankHolidayReference.LastYear(environment.Clock.Today()), cancel);
            if (seedFolder is not null) await database.Get<SeedDataLoader>().LoadAsync(seedFolder, cancel);
            if (!create && await IsEmpty(factory, cancel)) throw NothingLoaded(factory.Settings, "has no organisations or partnerships");
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many organisations and partnerships the database holds.</summary>
    public async Task<(int Organisations, int Partnerships)> CountAsync(CancellationToken cancel)
    {
        await using var db = Get<SharedServicesDbContextFactory>().CreateDbContext();
        return (await db.Organisations.CountAsync(cancel), await db.Partnerships.CountAsync(cancel));
    }

    private static void CreateFolderFor(DatabaseSettings settings)
    {
        var folder = Path.GetDirectoryName(SqliteFile(settings))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--data-folder: cannot create {folder}: {ex.Message}", ExitCodes.Failed);
        }
    }

    /// <summary>Refuses, before anything is written, a database that is not there or was never migrated.</summary>
    private static async Task CheckThereIsADatabase(SharedServicesDbContextFactory factory, CancellationToken cancel)
    {
        await using var db = factory.CreateDbContext();
        bool exists, migrated;
        try
        {
            // A missing SQLite file or PostgreSQL database; EF Core's Migrate would create either.
            exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancel);
            migrated = exists && (await db.Database.GetAppliedMigrationsAsync(cancel)).Any();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StartupException($"Cannot reach the database ({factory.Settings.Describe()}): {ex.GetBaseException().Message}", ex);
        }
        if (!exists) throw NothingLoaded(factory.Settings, "does not exist");
        if (!migrated) throw NothingLoaded(factory.Settings, "is empty");
    }

    private static async Task<bool> IsEmpty(SharedServicesDbContextFactory factory, CancellationToken cancel)
    {
        await using var db = factory.CreateDbContext();
        return !await db.Organisations.AnyAsync(cancel) && !await db.Partnerships.AnyAsync(cancel);
    }

    private static CliException NothingLoaded(DatabaseSettings settings, string problem)
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "seed-data");
        var database = settings.Provider == DatabaseProvider.Sqlite
            ? $"--data-folder \"{Path.GetDirectoryName(SqliteFile(settings))}\""
            : "--postgres \"CONNECTION\""; // never echo a connection string: it may hold a password
        var other = settings.Provider == DatabaseProvider.Sqlite ? "Give --data-folder the web app's data folder" : "Check --postgres";
        return new CliException(
            $"The database ({settings.Describe()}) {problem}. {other}, or load the seed data into it: " +
            $"sharedservices db init {database} --seed \"{(Directory.Exists(seed) ? seed : "SEED-FOLDER")}\"", ExitCodes.Failed);
    }

    private static string SqliteFile(DatabaseSettings settings) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
