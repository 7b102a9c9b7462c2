using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Activity;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Cli;

/// <summary>
/// A made-up estate for the recharge benchmark: councils in pairs, partnerships of ten traded services each, every
/// service at a day rate (with a mid-year pay award for one in ten), outside the scope of VAT, and activity spread
/// evenly over financial year 2013/14, one day's work per row. The same sizes always give the same estate.
/// </summary>
internal static class SyntheticEstate
{
    public const int ServicesPerPartnership = 10;
    public static readonly DateOnly YearStart = new(2013, 4, 1);

    public static async Task AddAsync(SharedServicesDbContextFactory factory, int partnerships, int activityRows, CancellationToken cancel)
    {
        var serviceIds = new List<int>();
        for (var first = 0; first < partnerships; first += 50)
            serviceIds.AddRange(await AddPartnershipsAsync(factory, first, Math.Min(50, partnerships - first), cancel));

        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await using (var writer = await ActivityBulkWriter.StartAsync(db, cancel))
        {
            var at = new DateTimeOffset(2014, 4, 10, 9, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < activityRows; i++)
            {
                var day = YearStart.AddDays(i % 365);
                var details = new ActivityDetails(day, day, 1m + i % 3 * 0.5m, "days", null, null, $"B-{i:D7}");
                await writer.WriteAsync(new ActivityEntry(serviceIds[i % serviceIds.Count], details, "Benchmark", at), cancel);
            }
            await writer.CompleteAsync(cancel);
        }
        await transaction.CommitAsync(cancel);
    }

    private static async Task<List<int>> AddPartnershipsAsync(SharedServicesDbContextFactory factory, int first, int count, CancellationToken cancel)
    {
        await using var db = factory.CreateDbContext();
        var added = new List<Partnership>();
        for (var n = first; n < first + count; n++)
        {
            var provider = new Organisation($"Provider Council {n}", $"P{n}", OrganisationKind.UnitaryAuthority);
            var recipient = new Organisation($"Recipient Council {n}", $"R{n}", OrganisationKind.UnitaryAuthority);
            db.Organisations.AddRange(provider, recipient);
            await db.SaveChangesAsync(cancel);
            var partnership = new Partnership($"bench-recharge-{n}", $"Benchmark partnership {n}", PartnershipKind.TradedServices,
                [new PartnershipParty(provider.Id, PartyRole.Provider), new PartnershipParty(recipient.Id, PartyRole.Recipient)]);
            for (var s = 0; s < ServicesPerPartnership; s++)
                partnership.AddService(new TradedService($"Service {s}", provider.Id, recipient.Id, startDate: YearStart));
            db.Partnerships.Add(partnership);
            added.Add(partnership);
        }
        await db.SaveChangesAsync(cancel);
        var ids = added.SelectMany(p => p.Services).Select(s => s.Id).ToList();
        foreach (var id in ids)
        {
            var schedule = new ChargeSchedule(id, YearStart);
            schedule.AddVersion(new RateVersion(YearStart, YearStart, ChargingBasis.DayRate(new Money(450_00))));
            if (id % 10 == 0) schedule.AddVersion(new RateVersion(new DateOnly(2013, 10, 1), YearStart, ChargingBasis.DayRate(new Money(462_00))));
            db.ChargeSchedules.Add(schedule);
            var vat = new VatTreatmentChange(YearStart, VatTreatment.OutsideTheScope);
            db.ServiceVatTreatments.Add(vat);
            db.Entry(vat).Property("TradedServiceId").CurrentValue = id;
        }
        await db.SaveChangesAsync(cancel);
        return ids;
    }
}
