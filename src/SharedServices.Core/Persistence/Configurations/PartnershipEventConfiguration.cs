using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class PartnershipEventConfiguration : IEntityTypeConfiguration<PartnershipEvent>
{
    public void Configure(EntityTypeBuilder<PartnershipEvent> builder)
    {
        builder.ToTable("PartnershipEvents");
        builder.Property(e => e.ExitOverrideReason).HasMaxLength(500);
        builder.Property(e => e.Description).HasMaxLength(2000);
        builder.HasOne(e => e.Organisation).WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(e => e.Source, s => s.MapSource("Source"));
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("Milestones");
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.OwnsOne(m => m.Source, s => s.MapSource("Source"));
    }
}
