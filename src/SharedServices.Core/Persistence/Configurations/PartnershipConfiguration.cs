using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        // Everything in the partnership is edited as one aggregate, so one version on its row guards them all.
        builder.HasVersion();
        builder.Property(p => p.Code).HasMaxLength(100).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(300).IsRequired();
        builder.Property(p => p.LegalBasis).HasMaxLength(1000);
        builder.Property(p => p.Summary).HasMaxLength(4000);
        builder.OwnsOne(p => p.Source, s => s.MapSource("Source"));
        builder.OwnsOne(p => p.LegalBasisSource, s => s.MapSource("LegalBasisSource"));
        // Worked out by the partnership from its term and history, stored for the register's filters and sorts.
        builder.HasIndex(p => p.EndsOn);

        builder.OwnsOne(p => p.Term, term =>
        {
            term.Property(t => t.StartDate).HasColumnName("TermStartDate");
            term.Property(t => t.EndKind).HasColumnName("TermEndKind");
            term.Property(t => t.EndDate).HasColumnName("TermEndDate");
            term.Property(t => t.UpToYears).HasColumnName("TermUpToYears");
            term.Property(t => t.MinimumTermMonths).HasColumnName("TermMinimumMonths");
            term.Property(t => t.TerminationFalls).HasColumnName("TermTerminationFalls");
            term.Property(t => t.Notes).HasColumnName("TermNotes").HasMaxLength(2000);
            term.Property(t => t.LatestEndDate).HasColumnName("TermLatestEndDate");
            term.Property(t => t.ExtensionOptions).HasColumnName("TermExtensionOptions");
            term.Property(t => t.ExtensionMonths).HasColumnName("TermExtensionMonths");
            term.Property(t => t.RenewalMonths).HasColumnName("TermRenewalMonths");
            term.OwnsOne(t => t.Source, s => s.MapSource("TermSource"));
        });
        builder.Navigation(p => p.Term).IsRequired();

        builder.OwnsMany(p => p.Parties, party =>
        {
            party.ToTable("PartnershipParties");
            party.HasKey("Id"); // its own key: SQLite cannot number one column of a composite key
            party.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(p => p.NoticePeriods, notice =>
        {
            notice.ToTable("NoticePeriods");
            notice.HasKey("Id"); // its own key: SQLite cannot number one column of a composite key
            notice.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            notice.OwnsOne(x => x.Source, s => s.MapSource("Source"));
            notice.Ignore(x => x.Length);
        });
        builder.OwnsMany(p => p.GovernanceBodies, body =>
        {
            body.ToTable("GovernanceBodies");
            body.HasKey("Id"); // its own key: SQLite cannot number one column of a composite key
            body.Property(x => x.Name).HasMaxLength(200);
            body.Property(x => x.Purpose).HasMaxLength(2000);
            body.OwnsOne(x => x.Source, s => s.MapSource("Source"));
        });

        builder.HasMany(p => p.Services).WithOne().HasForeignKey("PartnershipId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Decisions).WithOne().HasForeignKey("PartnershipId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Events).WithOne().HasForeignKey("PartnershipId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Milestones).WithOne().HasForeignKey("PartnershipId").OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.Schedule);
        builder.Ignore(p => p.ExitRules);

        // A buy-back contract follows the strategic partnership it replaced; one successor each.
        builder.HasOne(p => p.Predecessor).WithOne(p => p.Successor)
            .HasForeignKey<Partnership>(p => p.PredecessorId).OnDelete(DeleteBehavior.SetNull);
    }
}
