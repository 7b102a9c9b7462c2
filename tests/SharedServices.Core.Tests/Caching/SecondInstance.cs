using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.Tests.Caching;

/// <summary>
/// A second app instance on the same database, as behind a load balancer: its own use cases and its own cache, so
/// what it changes reaches the first instance only through the database.
/// </summary>
public static class SecondInstance
{
    public static ServiceProvider Start(DatabaseSettings settings, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSharedServicesCore(settings);
        return services.BuildServiceProvider();
    }
}
