using Microsoft.EntityFrameworkCore;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence;

/// <summary>
/// The database of partnerships and organisations. Each provider has its own subclass
/// (<see cref="SqliteDbContext"/>, <see cref="PostgresDbContext"/>) so that each keeps its own migrations;
/// everything else in the app asks for this base type through <see cref="IDbContextFactory{TContext}"/>.
/// </summary>
public abstract class SharedServicesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<TradedService> TradedServices => Set<TradedService>();
    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();
    public DbSet<SeedData.SeedRecord> SeedRecords => Set<SeedData.SeedRecord>();
    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<Calendar.BankHolidayYear> BankHolidayYears => Set<Calendar.BankHolidayYear>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SharedServicesDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the tables read plainly in a report tool and survive reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

/// <summary>The embedded, single-machine database.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : SharedServicesDbContext(options);

/// <summary>The shared deployment's database.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : SharedServicesDbContext(options);
