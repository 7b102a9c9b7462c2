using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasVersion();
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ShortCode).HasMaxLength(10).IsRequired();
        builder.HasIndex(o => o.ShortCode).IsUnique();
        builder.Property(o => o.GssCode).HasMaxLength(9);
        builder.Property(o => o.Notes).HasMaxLength(2000);
    }
}
