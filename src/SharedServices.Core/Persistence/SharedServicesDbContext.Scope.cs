using Microsoft.EntityFrameworkCore;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Persistence;

/// <summary>
/// Organisation scoping, enforced for every query of every context: a person sees only the partnerships their
/// organisation is party to, and only those partnerships' services, stored key dates, schedules, VAT treatments, activity, imports,
/// invoices and lines, and the audit trail's entries about them. A page, a download or a use case cannot forget it, because it is not theirs to remember; an id
/// from another council simply finds nothing, so the page answers "not found". Bulk updates and deletes
/// (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) are filtered alike. Organisations, bank holidays and VAT rates are
/// reference data that everyone reads.
/// </summary>
public abstract partial class SharedServicesDbContext
{
    // Read by the filters for each query (EF Core puts a context's own members in as parameters), so one cached model
    // serves every caller.
    private bool ScopeAll => Caller.SeesEverything;
    private int ScopeOrganisationId => Caller.ScopeOrganisationId;

    private void ScopeToTheCallersOrganisation(ModelBuilder model)
    {
        model.Entity<Partnership>().HasQueryFilter(p => ScopeAll || p.Parties.Any(party => party.OrganisationId == ScopeOrganisationId));
        // The rest follow their partnership through the filtered sets, so the rule above is the only rule.
        model.Entity<TradedService>().HasQueryFilter(s => ScopeAll || Partnerships.Any(p => p.Id == EF.Property<int>(s, "PartnershipId")));
        model.Entity<DecisionRecord>().HasQueryFilter(d => ScopeAll || Partnerships.Any(p => p.Id == EF.Property<int>(d, "PartnershipId")));
        model.Entity<PartnershipEvent>().HasQueryFilter(e => ScopeAll || Partnerships.Any(p => p.Id == EF.Property<int>(e, "PartnershipId")));
        model.Entity<Milestone>().HasQueryFilter(m => ScopeAll || Partnerships.Any(p => p.Id == EF.Property<int>(m, "PartnershipId")));
        model.Entity<KeyDates.StoredKeyDate>().HasQueryFilter(d => ScopeAll || Partnerships.Any(p => p.Id == d.PartnershipId));
        model.Entity<KeyDates.KeyDateDerivation>().HasQueryFilter(d => ScopeAll || Partnerships.Any(p => p.Id == d.PartnershipId));
        model.Entity<ChargeSchedule>().HasQueryFilter(c => ScopeAll || TradedServices.Any(s => s.Id == c.TradedServiceId));
        model.Entity<VatTreatmentChange>().HasQueryFilter(v => ScopeAll || TradedServices.Any(s => s.Id == EF.Property<int>(v, "TradedServiceId")));
        model.Entity<ActivityEntry>().HasQueryFilter(a => ScopeAll || TradedServices.Any(s => s.Id == a.TradedServiceId));
        model.Entity<ActivityImport>().HasQueryFilter(i => ScopeAll || Partnerships.Any(p => p.Id == i.PartnershipId));
        model.Entity<Invoice>().HasQueryFilter(i => ScopeAll || Partnerships.Any(p => p.Id == i.PartnershipId));
        model.Entity<InvoiceLine>().HasQueryFilter(l => ScopeAll || Invoices.Any(i => i.Id == EF.Property<int>(l, "InvoiceId")));
        // A run is its organisation's own work: the councils it billed see the invoices, not the run.
        model.Entity<RechargeRun>().HasQueryFilter(r => ScopeAll || r.OrganisationId == ScopeOrganisationId);
        // The trail: entries of the partnerships the person sees, of their own organisation (its users, its record,
        // its runs), and of the reference data everyone reads. Anything else (a system run, a failed sign-in with an
        // unknown e-mail) only the system sees.
        model.Entity<Audit.AuditEntry>().HasQueryFilter(a => ScopeAll
            || (a.PartnershipId != null && Partnerships.Any(p => p.Id == a.PartnershipId))
            || a.OrganisationId == ScopeOrganisationId
            || (a.PartnershipId == null && a.OrganisationId == null && Audit.AuditEntry.ReferenceDataTypes.Contains(a.EntityType)));
    }
}
