using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasVersion();
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ShortCode).HasMaxLength(10).IsRequired();
        builder.HasIndex(o => o.ShortCode).IsUnique();
        builder.Property(o => o.GssCode).HasMaxLength(9);
        builder.Property(o => o.Notes).HasMaxLength(2000);
        // A complex property rather than an owned type: its columns belong to the organisation's own row, so a change
        // to them is a change to the organisation, which moves its version on and meets the edit check like any other.
        builder.ComplexProperty(o => o.Invoicing, details =>
        {
            details.Property(d => d.Address).HasColumnName("Address").HasMaxLength(InvoicingDetails.AddressMaxLength);
            details.Property(d => d.Postcode).HasColumnName("Postcode").HasMaxLength(InvoicingDetails.PostcodeMaxLength);
            details.Property(d => d.VatRegistration).HasColumnName("VatRegistration").HasMaxLength(InvoicingDetails.VatRegistrationMaxLength);
            details.Property(d => d.BankAccountName).HasColumnName("BankAccountName").HasMaxLength(InvoicingDetails.AccountNameMaxLength);
            details.Property(d => d.SortCode).HasColumnName("SortCode").HasMaxLength(InvoicingDetails.SortCodeLength);
            details.Property(d => d.AccountNumber).HasColumnName("AccountNumber").HasMaxLength(InvoicingDetails.AccountNumberLength);
            details.Property(d => d.RemittanceEmail).HasColumnName("RemittanceEmail").HasMaxLength(InvoicingDetails.EmailMaxLength);
            details.Ignore(d => d.PostalLines);
            details.Ignore(d => d.HasBankDetails);
        });
    }
}
