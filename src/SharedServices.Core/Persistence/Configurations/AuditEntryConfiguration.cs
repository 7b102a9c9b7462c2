using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Core.Audit;

namespace SharedServices.Core.Persistence.Configurations;

/// <summary>
/// The audit trail's table. No foreign keys: an entry outlives the record it describes (a deleted partnership's
/// entries stay), and the table is append-only (see <see cref="AuditTriggers"/>).
/// </summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.AtUtc).IsUtc();
        builder.Property(e => e.Who).HasMaxLength(AuditEntry.MaxWhoLength).IsRequired();
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.MaxEntityTypeLength).IsRequired();
        builder.Property(e => e.EntityKey).HasMaxLength(AuditEntry.MaxEntityKeyLength).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(AuditEntry.MaxSummaryLength).IsRequired();
        // The trail is read newest first, for one partnership, one organisation or one record.
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.PartnershipId, e.AtUtc });
        builder.HasIndex(e => new { e.OrganisationId, e.AtUtc });
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
    }
}
