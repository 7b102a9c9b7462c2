using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Core.KeyDates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class StoredKeyDateConfiguration : IEntityTypeConfiguration<StoredKeyDate>
{
    public void Configure(EntityTypeBuilder<StoredKeyDate> builder)
    {
        // One set per partnership: a second writer of the same set collides on the key instead of doubling it.
        builder.HasKey(d => new { d.PartnershipId, d.Sequence });
        builder.HasIndex(d => d.Date);
        builder.Property(d => d.PartnershipCode).HasMaxLength(100);
        builder.Property(d => d.PartnershipName).HasMaxLength(300);
        builder.Property(d => d.What).HasMaxLength(2000);
        builder.Property(d => d.IfNothingIsDone).HasMaxLength(2000);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyDateDerivationConfiguration : IEntityTypeConfiguration<KeyDateDerivation>
{
    public void Configure(EntityTypeBuilder<KeyDateDerivation> builder)
    {
        builder.HasKey(d => d.PartnershipId);
        builder.Property(d => d.PartnershipId).ValueGeneratedNever();
        // Finding the stale ones (not derived for today) reads this index rather than every row.
        builder.HasIndex(d => d.DerivedFor);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
