using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("ActivityEntries");
        builder.HasVersion();
        builder.Ignore(e => e.IsBilled);
        builder.Ignore(e => e.DuplicateKey);
        // The grid reads one service's activity at a time, by the foreign key's index.
        builder.HasOne<TradedService>().WithMany().HasForeignKey(e => e.TradedServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ActivityImport>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.EnteredBy).HasMaxLength(200);
        builder.Property(e => e.EnteredAtUtc).IsUtc();
        builder.Property(e => e.BilledOnInvoice).HasMaxLength(40);
        // The issued line that billed it: a true-up reads activity by line. An index, not a foreign key: adding one
        // would make SQLite rebuild the table and lose its triggers, and an issued line can never be deleted anyway.
        builder.HasIndex(e => e.BilledOnLineId);
        builder.OwnsOne(e => e.Details, details =>
        {
            details.Property(d => d.From).HasColumnName("FromDate");
            details.Property(d => d.To).HasColumnName("ToDate");
            details.Property(d => d.Quantity).HasColumnName("Quantity").HasPrecision(18, 4);
            details.Property(d => d.Unit).HasColumnName("Unit").HasMaxLength(ActivityDetails.MaxUnitLength);
            details.Property(d => d.ActualCost).HasColumnName("ActualCost");
            details.Property(d => d.Description).HasColumnName("Description").HasMaxLength(ActivityDetails.MaxDescriptionLength);
            details.Property(d => d.Reference).HasColumnName("Reference").HasMaxLength(ActivityDetails.MaxReferenceLength);
        });
        builder.Navigation(e => e.Details).IsRequired();
    }
}

internal sealed class ActivityImportConfiguration : IEntityTypeConfiguration<ActivityImport>
{
    public void Configure(EntityTypeBuilder<ActivityImport> builder)
    {
        builder.ToTable("ActivityImports");
        builder.Ignore(i => i.IsUndone);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.FileName).HasMaxLength(ActivityImport.MaxFileNameLength);
        builder.Property(i => i.ContentHash).HasMaxLength(64).IsFixedLength(false);
        builder.Property(i => i.ImportedBy).HasMaxLength(200);
        builder.Property(i => i.ImportedAtUtc).IsUtc();
        builder.Property(i => i.UndoneAtUtc).IsUtc();
        builder.Property(i => i.UndoneBy).HasMaxLength(200);
        // The same file imported twice into one partnership is refused by the database too, unless the first was undone.
        builder.HasIndex(i => new { i.PartnershipId, i.ContentHash }).IsUnique().HasFilter("\"UndoneAtUtc\" IS NULL");
        builder.HasIndex(i => new { i.PartnershipId, i.ImportedAtUtc });
    }
}

internal static class UtcMapping
{
    /// <summary>SQLite hands a stored time back with no kind; these columns always hold UTC, so say so on reading.</summary>
    public static PropertyBuilder<DateTime> IsUtc(this PropertyBuilder<DateTime> property) =>
        property.HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static PropertyBuilder<DateTime?> IsUtc(this PropertyBuilder<DateTime?> property) =>
        property.HasConversion(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
