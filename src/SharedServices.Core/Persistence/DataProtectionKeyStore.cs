using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SharedServices.Core.Persistence;

public static class DataProtectionKeyStore
{
    /// <summary>What every instance calls itself to Data Protection, so that they read each other's keys.</summary>
    public const string ApplicationName = "SharedServices";

    /// <summary>
    /// Keeps the Data Protection keys (which sign antiforgery tokens and circuit state) in the app's own database,
    /// SQLite or PostgreSQL, instead of the home folder: every instance behind a load balancer then uses the same
    /// keys. The application name is fixed because the default, the content root path, differs between servers.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToSharedServicesDatabase(this IDataProtectionBuilder builder)
    {
        // The key store asks for a context from a fresh scope each time it reads or writes; app code never does
        // (a circuit outlives any scope), it uses the factory.
        builder.Services.TryAddScoped<SharedServicesDbContext>(services =>
            services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>().CreateDbContext());
        return builder.SetApplicationName(ApplicationName).PersistKeysToDbContext<SharedServicesDbContext>();
    }
}
