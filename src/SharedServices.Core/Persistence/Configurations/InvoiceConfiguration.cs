using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Core.Invoicing;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Persistence.Configurations;

/// <summary>
/// Invoices, their lines and payments. Once an invoice has a number the database itself refuses to change its
/// lines or the activity they billed (see the RechargeAndInvoices migration's triggers), so a bug in the app cannot.
/// </summary>
internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.HasVersion();
        builder.Ignore(i => i.IsIssued);
        builder.Ignore(i => i.Status);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CorrectsInvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RechargeRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(i => i.PeriodLabel).HasMaxLength(100);
        builder.Property(i => i.PurchaseOrder).HasMaxLength(60);
        builder.Property(i => i.Number).HasMaxLength(40);
        builder.HasIndex(i => i.Number).IsUnique();
        // A run's draft fills one slot at most, so two runs over the same partnership and period cannot both draft it.
        builder.Property(i => i.DraftSlot).HasMaxLength(120);
        builder.HasIndex(i => i.DraftSlot).IsUnique();
        builder.Property(i => i.DisputeReason).HasMaxLength(Invoice.MaxDisputeReasonLength);
        builder.HasIndex(i => new { i.RecipientId, i.DueOn });
        builder.HasIndex(i => new { i.PartnershipId, i.PeriodFrom });

        // The parties as issued, in the invoice's own row (so the issued-invoice trigger guards them with the rest);
        // null on a draft. Optional complex properties: each is null while its required name is.
        builder.ComplexProperty(i => i.ProviderAtIssue, party => Party(party, "Provider", withPayment: true));
        builder.ComplexProperty(i => i.RecipientAtIssue, party => Party(party, "Recipient", withPayment: false));

        builder.HasMany(i => i.Lines).WithOne().HasForeignKey("InvoiceId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(i => i.Payments, payment =>
        {
            payment.ToTable("Payments");
            payment.WithOwner().HasForeignKey("InvoiceId");
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Reference).HasMaxLength(Payment.MaxReferenceLength);
        });
        builder.Navigation(i => i.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    /// <summary>Columns named <paramref name="prefix"/>Name, <paramref name="prefix"/>Address and so on; the recipient's bank details are not kept.</summary>
    private static void Party(ComplexPropertyBuilder<InvoiceParty> party, string prefix, bool withPayment)
    {
        party.Property(p => p.Name).HasColumnName(prefix + "Name").HasMaxLength(200).IsRequired();
        party.Property(p => p.ShortCode).HasColumnName(prefix + "ShortCode").HasMaxLength(10).IsRequired();
        party.ComplexProperty(p => p.Details, details =>
        {
            details.Property(d => d.Address).HasColumnName(prefix + "Address").HasMaxLength(InvoicingDetails.AddressMaxLength);
            details.Property(d => d.Postcode).HasColumnName(prefix + "Postcode").HasMaxLength(InvoicingDetails.PostcodeMaxLength);
            details.Property(d => d.VatRegistration).HasColumnName(prefix + "VatRegistration").HasMaxLength(InvoicingDetails.VatRegistrationMaxLength);
            if (withPayment)
            {
                details.Property(d => d.BankAccountName).HasColumnName(prefix + "BankAccountName").HasMaxLength(InvoicingDetails.AccountNameMaxLength);
                details.Property(d => d.SortCode).HasColumnName(prefix + "SortCode").HasMaxLength(InvoicingDetails.SortCodeLength);
                details.Property(d => d.AccountNumber).HasColumnName(prefix + "AccountNumber").HasMaxLength(InvoicingDetails.AccountNumberLength);
                details.Property(d => d.RemittanceEmail).HasColumnName(prefix + "RemittanceEmail").HasMaxLength(InvoicingDetails.EmailMaxLength);
            }
            else
            {
                details.Ignore(d => d.BankAccountName);
                details.Ignore(d => d.SortCode);
                details.Ignore(d => d.AccountNumber);
                details.Ignore(d => d.RemittanceEmail);
            }
            details.Ignore(d => d.PostalLines);
            details.Ignore(d => d.HasBankDetails);
        });
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.ToTable("InvoiceLines");
        builder.Ignore(l => l.Gross);
        builder.Ignore(l => l.Covers);
        builder.HasOne<TradedService>().WithMany().HasForeignKey(l => l.TradedServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.ServiceName).HasMaxLength(200);
        builder.Property(l => l.Explanation).HasMaxLength(1000);
        builder.Property(l => l.Unit).HasMaxLength(100);
        builder.Property(l => l.Quantity).HasPrecision(18, 4);
        builder.Property(l => l.VatPercent).HasPrecision(5, 2);
        builder.Property(l => l.BillingKey).HasMaxLength(100);
        // The same instalment (or part of one) is never on two invoices, draft or issued.
        builder.HasIndex(l => l.BillingKey).IsUnique();

        // The activity a line bills, as one list: JSON text on SQLite, an integer array on PostgreSQL.
        builder.PrimitiveCollection(l => l.ActivityIds);

        builder.OwnsMany(l => l.Corrects, link =>
        {
            link.ToTable("InvoiceLineCorrections");
            link.WithOwner().HasForeignKey("InvoiceLineId");
            link.Property<int>("Id");
            link.HasKey("Id");
            link.HasOne<InvoiceLine>().WithMany().HasForeignKey(c => c.CorrectedLineId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(c => c.CorrectedLineId);
        });
        builder.Navigation(l => l.Corrects).HasField("_corrects").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RechargeRunConfiguration : IEntityTypeConfiguration<RechargeRun>
{
    public void Configure(EntityTypeBuilder<RechargeRun> builder)
    {
        builder.ToTable("RechargeRuns");
        builder.Ignore(r => r.Period);
        builder.Property(r => r.PeriodCode).HasMaxLength(20);
        builder.Property(r => r.StartedBy).HasMaxLength(200);
        builder.Property(r => r.Summary).HasMaxLength(RechargeRun.MaxSummaryLength);
        builder.Property(r => r.LockKey).HasMaxLength(100);
        builder.Property(r => r.StartedAtUtc).IsUtc();
        builder.Property(r => r.FinishedAtUtc).IsUtc();
        // One running run per scope and period: the second start is refused by the database.
        builder.HasIndex(r => r.LockKey).IsUnique();
    }
}

internal sealed class InvoiceSequenceConfiguration : IEntityTypeConfiguration<InvoiceSequence>
{
    public void Configure(EntityTypeBuilder<InvoiceSequence> builder)
    {
        builder.ToTable("InvoiceSequences");
        builder.HasKey(s => new { s.ProviderId, s.Series, s.FinancialYearStart });
        builder.Property(s => s.Series).HasMaxLength(20);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}
