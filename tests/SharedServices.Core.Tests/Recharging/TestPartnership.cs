using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Tests.Recharging;

using SharedServices.Domain.Money;

/// <summary>
/// A partnership of its own for the recharge tests: Testford (TFC) provides educational psychology to Otherby (OBC) at
/// £450.00 a day from 1 April 2012, outside the scope of VAT, with purchase order PO-4471.
/// </summary>
internal sealed record TestPartnership(int PartnershipId, int ProviderId, int RecipientId, int ServiceId)
{
    public static readonly DateOnly April2012 = new(2012, 4, 1);

    public static async Task<TestPartnership> AddAsync(SharedServicesDbContextFactory factory, string code = "testford-otherby", string provider = "TFC", string recipient = "OBC")
    {
        await using var db = factory.CreateDbContext();
        var tfc = new Organisation($"Testford Council {provider}", provider, OrganisationKind.UnitaryAuthority);
        var obc = new Organisation($"Otherby Council {recipient}", recipient, OrganisationKind.UnitaryAuthority);
        db.Organisations.AddRange(tfc, obc);
        await db.SaveChangesAsync();
        var partnership = new Partnership(code, $"Testford and Otherby {code}", PartnershipKind.TradedServices,
            [new PartnershipParty(tfc.Id, PartyRole.Provider), new PartnershipParty(obc.Id, PartyRole.Recipient)]);
        var service = partnership.AddService(new TradedService("Educational psychology", tfc.Id, obc.Id, startDate: April2012));
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync();

        var schedule = new ChargeSchedule(service.Id, April2012);
        schedule.AddVersion(new RateVersion(April2012, April2012, ChargingBasis.DayRate(new Money(450_00))));
        schedule.SetPosting(new PostingDetails("4100", "EP01", "5200", "SEN02", "PO-4471"));
        db.ChargeSchedules.Add(schedule);
        var vat = new VatTreatmentChange(April2012, VatTreatment.OutsideTheScope);
        db.ServiceVatTreatments.Add(vat);
        db.Entry(vat).Property("TradedServiceId").CurrentValue = service.Id;
        await db.SaveChangesAsync();
        return new TestPartnership(partnership.Id, tfc.Id, obc.Id, service.Id);
    }

    public async Task<int> DaysAsync(SharedServicesDbContextFactory factory, DateOnly on, decimal days, string reference)
    {
        await using var db = factory.CreateDbContext();
        var entry = new ActivityEntry(ServiceId, new ActivityDetails(on, on, days, "days", null, null, reference), "Test", DateTimeOffset.UtcNow);
        db.ActivityEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    public async Task AddRateAsync(SharedServicesDbContextFactory factory, DateOnly from, DateOnly enteredOn, long pence, long? capPence = null)
    {
        await using var db = factory.CreateDbContext();
        var schedule = await db.ChargeSchedules.Include(s => s.Versions).SingleAsync(s => s.TradedServiceId == ServiceId);
        schedule.AddVersion(new RateVersion(from, enteredOn, ChargingBasis.DayRate(new Money(pence)), capPerFinancialYear: capPence is { } cap ? new Money(cap) : null));
        await db.SaveChangesAsync();
    }
}
