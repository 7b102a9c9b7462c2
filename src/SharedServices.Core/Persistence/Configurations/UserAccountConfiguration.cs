using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Core.Access;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(UserAccount.MaxDisplayNameLength).IsRequired();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.CreatedAtUtc).IsUtc();
        builder.Property(u => u.DisabledAtUtc).IsUtc();
        builder.Property(u => u.CalendarFeedTokenHash).HasMaxLength(64);
        // A feed is found by its token's hash alone, so each hash names one person.
        builder.HasIndex(u => u.CalendarFeedTokenHash).IsUnique();
        builder.Ignore(u => u.Signature);
    }
}
