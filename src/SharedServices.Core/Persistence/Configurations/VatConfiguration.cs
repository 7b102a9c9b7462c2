using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Persistence.Configurations;

/// <summary>Each traded service's VAT treatment history: one row per change, keyed to the service.</summary>
internal sealed class ServiceVatTreatmentConfiguration : IEntityTypeConfiguration<VatTreatmentChange>
{
    public const string ServiceKey = "TradedServiceId";

    public void Configure(EntityTypeBuilder<VatTreatmentChange> builder)
    {
        builder.ToTable("ServiceVatTreatments");
        builder.Property<int>("Id");
        builder.HasKey("Id");
        builder.Property(c => c.From).HasColumnName("EffectiveFrom");
        builder.HasOne<TradedService>().WithMany().HasForeignKey(ServiceKey).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(ServiceKey, nameof(VatTreatmentChange.From)).IsUnique();
    }
}

/// <summary>
/// The UK standard rates of VAT, seeded here with the four rates since 1991. The ids are given, not generated, so
/// the seed rows are stable; whatever lets an administrator add a rate must give it the next number.
/// </summary>
internal sealed class StandardVatRateConfiguration : IEntityTypeConfiguration<StandardVatRate>
{
    public void Configure(EntityTypeBuilder<StandardVatRate> builder)
    {
        builder.ToTable("StandardVatRates");
        builder.Property<int>("Id").ValueGeneratedNever();
        builder.HasKey("Id");
        builder.Property(r => r.From).HasColumnName("StartsOn");
        builder.Property(r => r.To).HasColumnName("EndsOn");
        builder.Property(r => r.Percent).HasPrecision(5, 2);
        builder.HasData(StandardVatRates.UnitedKingdom.Rates.Select((rate, i) =>
            new { Id = i + 1, rate.From, rate.To, rate.Percent }));
    }
}
