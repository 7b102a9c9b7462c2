using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Core.Calendar;
using SharedServices.Domain.Dates;

namespace SharedServices.Core.Persistence.Configurations;

internal sealed class BankHolidayConfiguration : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Name).HasMaxLength(100).IsRequired();
    }
}

internal sealed class BankHolidayYearConfiguration : IEntityTypeConfiguration<BankHolidayYear>
{
    public void Configure(EntityTypeBuilder<BankHolidayYear> builder)
    {
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        // Bank holidays are edited a year at a time, so the year's row carries the version for its holidays.
        builder.HasVersion();
    }
}
