using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class ChargeScheduleConfiguration : IEntityTypeConfiguration<ChargeSchedule>
{
    public void Configure(EntityTypeBuilder<ChargeSchedule> builder)
    {
        // One schedule per traded service; it goes with its service.
        builder.HasOne<TradedService>().WithOne().HasForeignKey<ChargeSchedule>(s => s.TradedServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TradedServiceId).IsUnique();
        // The versions are changed only through the schedule's methods, so EF Core fills the private list.
        builder.HasMany(s => s.Versions).WithOne().HasForeignKey("ChargeScheduleId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsOne(s => s.Posting, posting =>
        {
            posting.Property(p => p.ProviderLedgerCode).HasColumnName("ProviderLedgerCode").HasMaxLength(PostingDetails.MaxLength);
            posting.Property(p => p.ProviderCostCentre).HasColumnName("ProviderCostCentre").HasMaxLength(PostingDetails.MaxLength);
            posting.Property(p => p.RecipientLedgerCode).HasColumnName("RecipientLedgerCode").HasMaxLength(PostingDetails.MaxLength);
            posting.Property(p => p.RecipientCostCentre).HasColumnName("RecipientCostCentre").HasMaxLength(PostingDetails.MaxLength);
            posting.Property(p => p.PurchaseOrder).HasColumnName("PurchaseOrder").HasMaxLength(PostingDetails.MaxLength);
        });
        // Every column may be blank, so EF Core must be told the details are always there (blank is PostingDetails.None).
        builder.Navigation(s => s.Posting).IsRequired();
    }
}

internal sealed class RateVersionConfiguration : IEntityTypeConfiguration<RateVersion>
{
    public void Configure(EntityTypeBuilder<RateVersion> builder)
    {
        builder.ToTable("RateVersions");
        builder.Ignore(v => v.IsBackdated);
        // The schedule never has two versions starting on the same day; the database says so too.
        builder.HasIndex("ChargeScheduleId", nameof(RateVersion.EffectiveFrom)).IsUnique();
        builder.OwnsOne(v => v.Basis, basis =>
        {
            basis.Property(b => b.Kind).HasColumnName("BasisKind");
            basis.Property(b => b.Rate).HasColumnName("BasisRate");
            basis.Property(b => b.UnitName).HasColumnName("BasisUnitName").HasMaxLength(100);
            basis.Property(b => b.Instalments).HasColumnName("BasisInstalments");
            basis.Property(b => b.SharePercent).HasColumnName("BasisSharePercent").HasPrecision(9, 4);
            basis.Property(b => b.BudgetedEstimate).HasColumnName("BasisBudgetedEstimate");
            basis.Property(b => b.OverheadPercent).HasColumnName("BasisOverheadPercent").HasPrecision(9, 4);
        });
        builder.Navigation(v => v.Basis).IsRequired();
        builder.OwnsOne(v => v.Indexation, indexation =>
        {
            indexation.Property(i => i.Percent).HasColumnName("IndexationPercent").HasPrecision(9, 4);
            indexation.Property(i => i.AppliesOn).HasColumnName("IndexationAppliesOn");
        });
    }
}
