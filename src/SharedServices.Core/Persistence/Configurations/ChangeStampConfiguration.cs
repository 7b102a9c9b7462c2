using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Core.Caching;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.HasKey(s => s.Area);
        builder.Property(s => s.Area).HasMaxLength(40);
        // One row per area from the start, so a change only ever moves a version on and never has to insert one.
        builder.HasData(ChangeArea.All.Select(area => new ChangeStamp(area, 0)));
    }
}
