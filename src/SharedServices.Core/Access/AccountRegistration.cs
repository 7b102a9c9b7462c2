using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Persistence;

namespace SharedServices.Core.Access;

public static class AccountRegistration
{
    /// <summary>
    /// ASP.NET Core Identity's user and role managers over the app's own database, with <see cref="AccountPolicy"/>;
    /// the web app adds sign-in on top, the command line uses them to add the first administrator.
    /// </summary>
    public static IdentityBuilder AddSharedServicesAccounts(this IServiceCollection services)
    {
        services.AddLogging();
        // Identity's stores want a context per scope (a request, or one operation of UserAccounts).
        services.AddScoped<SharedServicesDbContext>(provider => provider.GetRequiredService<SharedServicesDbContextFactory>().CreateDbContext());
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<YourAccount>();
        services.AddSingleton<AccountFormValidator>();
        services.AddScoped<IUserConfirmation<UserAccount>, EnabledAccounts>();
        return services.AddIdentityCore<UserAccount>(AccountPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<CommonPasswords>()
            .AddEntityFrameworkStores<SharedServicesDbContext>();
    }
}
