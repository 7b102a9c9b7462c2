using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class DecisionRecordConfiguration : IEntityTypeConfiguration<DecisionRecord>
{
    public void Configure(EntityTypeBuilder<DecisionRecord> builder)
    {
        builder.Property(d => d.DecisionMaker).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Reference).HasMaxLength(100);
        builder.Property(d => d.Resolved).HasMaxLength(4000).IsRequired();
        builder.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(d => d.Source, s => s.MapSource("Source"));
    }
}
