using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SharedServices.Core.Persistence.Configurations;

internal static class VersionMapping
{
    /// <summary>
    /// An integer version on both providers (one design, rather than PostgreSQL's xmin beside a SQLite column),
    /// checked by every update and moved on by <see cref="SharedServicesDbContext"/> on each save.
    /// </summary>
    public static void HasVersion<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.Property<int>(SharedServicesDbContext.VersionColumn).IsConcurrencyToken();
}
