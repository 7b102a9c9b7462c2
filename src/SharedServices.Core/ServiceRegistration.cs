using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Persistence;
using SharedServices.Core.SeedData;

namespace SharedServices.Core;

public static class ServiceRegistration
{
    /// <summary>Registers the database and every use case; the web app and tests call this alike.</summary>
    /// <param name="fallback">Who asks when no caller was set: the system unless given (see <see cref="SharedServicesDbContextFactory"/>).</param>
    public static IServiceCollection AddSharedServicesCore(this IServiceCollection services, DatabaseSettings database, Access.Caller? fallback = null)
    {
        var factory = new SharedServicesDbContextFactory(database, fallback);
        services.AddSingleton(factory);
        services.AddSingleton<IDbContextFactory<SharedServicesDbContext>>(factory);
        services.TryAddSingleton(TimeProvider.System);
        // One cache per app instance; the change stamps in the database keep instances sharing it correct.
        services.AddSingleton<Caching.ChangeStampCache>();
        services.AddSingleton<OrganisationFormValidator>();
        services.AddSingleton<PartnershipFormValidator>();
        services.AddSingleton<NoticeFormValidator>();
        services.AddSingleton<TermFormValidator>();
        services.AddSingleton<ServiceFormValidator>();
        services.AddSingleton<DecisionFormValidator>();
        services.AddSingleton<OrganisationDirectory>();
        services.AddSingleton<PartnershipRegister>();
        services.AddSingleton<PartnershipDetails>();
        services.AddSingleton<PartnershipEditor>();
        services.AddSingleton<Charging.ChargeSchedules>();
        services.AddSingleton<Recharging.RechargeRuns>();
        services.AddSingleton<Invoicing.InvoiceIssuer>();
        services.AddSingleton<Invoicing.InvoiceAccounts>();
        services.AddSingleton<Invoicing.Receivables>();
        services.AddSingleton<Invoicing.InvoiceWorkbooks>();
        services.AddSingleton<Invoicing.InvoiceExports>();
        services.AddSingleton<Activity.ActivityFormValidator>();
        services.AddSingleton<Activity.ActivityRecords>();
        services.AddSingleton<Activity.ActivityImports>();
        services.AddSingleton(provider => new Activity.ActivityImporter(
            provider.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Charging.StandardVatRateReference>();
        services.AddSingleton<Charging.RateVersionFormValidator>();
        services.AddSingleton<Charging.PostingFormValidator>();
        services.AddSingleton<Charging.VatTreatmentFormValidator>();
        services.AddSingleton<Charging.StandardVatRateFormValidator>();
        services.AddSingleton<Dashboard>();
        services.AddSingleton<SeedDataLoader>();
        services.AddSingleton<Calendar.BankHolidayReference>();
        services.AddSingleton<KeyDates.UpcomingDates>();
        services.AddSingleton<KeyDates.StoredKeyDates>();
        services.AddSingleton<KeyDates.NoticeWhatIf>();
        services.AddSingleton<KeyDates.KeyDateFiles>();
        services.AddSingleton<HistoryFormValidator>();
        services.AddSingleton<MilestoneFormValidator>();
        services.AddSingleton<Audit.AuditTrail>();
        return services;
    }
}
