using SharedServices.Core.Access;
using SharedServices.Core.Calendar;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;

namespace SharedServices.Web.Startup;

/// <summary>
/// Before the app takes requests: bring the database schema up to date, then load any seed partnerships not yet
/// there. Runs as a hosted service so that the in-process test host does the same as a real start.
/// </summary>
public sealed class DatabaseStartupService(
    SharedServicesDbContextFactory factory, SeedDataLoader seedLoader, BankHolidayReference bankHolidays,
    StartupOptions options, UserAccounts accounts, IHostEnvironment environment, ILogger<DatabaseStartupService> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Start-up works for the system: it must see every organisation's partnerships to know which seeds are loaded.
        using var _ = CallerContext.Use(Caller.System("Start-up"));
        await DatabaseStartup.MigrateAsync(factory, log, cancel: cancellationToken);
        log.LogInformation("Database ready: {Database}", factory.Settings.Describe());
        var added = await bankHolidays.EnsureUsualYearsAsync(cancellationToken);
        if (added > 0) log.LogInformation("Bank holidays: {Count} England and Wales bank holidays generated", added);
        if (options.SeedDataFolder is null) return;
        try
        {
            var result = await seedLoader.LoadAsync(options.SeedDataFolder, cancellationToken);
            log.LogInformation("Seed data: {Organisations} organisations and {Partnerships} partnerships added from {Folder}",
                result.OrganisationsAdded, result.PartnershipsAdded, options.SeedDataFolder);
            // Only on a developer's machine, and only into a database with no accounts: see DemoUsers and the README.
            if (environment.IsDevelopment() && await DemoUsers.EnsureAsync(accounts, cancellationToken) is > 0 and var demo)
                log.LogInformation("Demo accounts: {Count} added (password {Password}); see the README", demo, DemoUsers.Password);
        }
        catch (SeedDataException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Where the data lives and which seed folder to load (null: load none).</summary>
public sealed record StartupOptions(DatabaseSettings Database, string? SeedDataFolder)
{
    /// <summary>
    /// Reads <c>DataFolder</c> (default: <c>data</c> beside the app's content), <c>ConnectionStrings:Postgres</c>
    /// (PostgreSQL when set) and <c>SeedData:Folder</c> / <c>SeedData:Load</c>.
    /// </summary>
    public static StartupOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var dataFolder = Path.GetFullPath(configuration["DataFolder"] ?? "data", contentRoot);
        var database = DatabaseSettings.Choose(configuration.GetConnectionString("Postgres"), dataFolder);
        var load = configuration.GetValue("SeedData:Load", true);
        return new StartupOptions(database, load ? SeedFolder(configuration, contentRoot) : null);
    }

    /// <summary><c>SeedData:Folder</c>, or the <c>seed-data</c> folder copied beside the app; whether or not it is loaded.</summary>
    public static string SeedFolder(IConfiguration configuration, string contentRoot) =>
        configuration["SeedData:Folder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, contentRoot)
            : Path.Combine(AppContext.BaseDirectory, "seed-data");
}
