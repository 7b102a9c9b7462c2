using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Persistence;

/// <summary>
/// The database of partnerships and organisations, and of the people who sign in (ASP.NET Core Identity's tables). Each provider has its own subclass
/// (<see cref="SqliteDbContext"/>, <see cref="PostgresDbContext"/>) so that each keeps its own migrations;
/// everything else in the app asks for this base type through <see cref="IDbContextFactory{TContext}"/>.
/// </summary>
public abstract partial class SharedServicesDbContext(DbContextOptions options)
    : IdentityDbContext<Access.UserAccount, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The name of the version column on every row a form edits as a whole (see <see cref="Editing.EditVersion"/>).</summary>
    public const string VersionColumn = "Version";

    /// <summary>
    /// Who this context works for: it sees only the partnerships of the caller's organisation (see
    /// <c>SharedServicesDbContext.Scope.cs</c>). Set by the factory; a context made any other way sees nothing.
    /// </summary>
    public Access.Caller Caller { get; set; } = Access.Caller.Nobody;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<TradedService> TradedServices => Set<TradedService>();
    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();
    public DbSet<SeedData.SeedRecord> SeedRecords => Set<SeedData.SeedRecord>();
    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<Calendar.BankHolidayYear> BankHolidayYears => Set<Calendar.BankHolidayYear>();
    public DbSet<ChargeSchedule> ChargeSchedules => Set<ChargeSchedule>();

    /// <summary>Each traded service's VAT treatment changes; the service's id is the shadow column TradedServiceId.</summary>
    public DbSet<VatTreatmentChange> ServiceVatTreatments => Set<VatTreatmentChange>();
    public DbSet<StandardVatRate> StandardVatRates => Set<StandardVatRate>();
    public DbSet<Domain.Activity.ActivityEntry> ActivityEntries => Set<Domain.Activity.ActivityEntry>();
    public DbSet<Domain.Activity.ActivityImport> ActivityImports => Set<Domain.Activity.ActivityImport>();
    public DbSet<Domain.Recharging.RechargeRun> RechargeRuns => Set<Domain.Recharging.RechargeRun>();
    public DbSet<Domain.Invoicing.Invoice> Invoices => Set<Domain.Invoicing.Invoice>();
    public DbSet<Domain.Invoicing.InvoiceLine> InvoiceLines => Set<Domain.Invoicing.InvoiceLine>();
    public DbSet<Invoicing.InvoiceSequence> InvoiceSequences => Set<Invoicing.InvoiceSequence>();

    /// <summary>The app's Data Protection keys (antiforgery, circuits), shared by every instance using this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        // Stamps for the caches, then key dates marked stale, then the save and its audit: one transaction.
        return SaveStamped(() => SaveMarkingKeyDates(() => SaveAudited(acceptAllChangesOnSuccess)));
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return SaveStampedAsync(() => SaveMarkingKeyDatesAsync(() => SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Every save of a versioned row moves its version on by one. The version is a concurrency token, so the update
    /// only lands where the row still has the version that was loaded; otherwise EF Core throws
    /// <see cref="DbUpdateConcurrencyException"/> and nothing is written.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty(VersionColumn) is not { IsConcurrencyToken: true } property) continue;
            var version = entry.Property(property);
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SharedServicesDbContext).Assembly);
        ScopeToTheCallersOrganisation(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the tables read plainly in a report tool and survive reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Domain.Money.Money>().HaveConversion<MoneyConverter>();
    }
}

/// <summary>The embedded, single-machine database.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : SharedServicesDbContext(options);

/// <summary>The shared deployment's database.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : SharedServicesDbContext(options);
