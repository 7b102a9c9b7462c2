using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Partnerships;
using static SharedServices.Core.Editing.SourceFields;

namespace SharedServices.Core.Partnerships;

/// <summary>
/// Saves the partnership forms. Each save validates the whole form, applies it through the partnership's own
/// methods (which guard the business rules) and commits once, so a failure leaves nothing half-saved.
/// Failures surface as FluentValidation's ValidationException (a field is wrong) or <see cref="DomainException"/>
/// (a rule is broken), both with messages a user can read, or <see cref="EditConflictException"/> (someone else saved
/// the partnership since the form loaded it: each method that edits one takes the version the form loaded).
/// </summary>
public sealed class PartnershipEditor(
    IDbContextFactory<SharedServicesDbContext> contextFactory,
    PartnershipFormValidator partnershipValidator,
    TermFormValidator termValidator,
    ServiceFormValidator serviceValidator,
    DecisionFormValidator decisionValidator,
    HistoryFormValidator historyValidator,
    MilestoneFormValidator milestoneValidator,
    TimeProvider clock)
{
    /// <summary>Creates or updates a partnership's details and parties; returns its code.</summary>
    public async Task<string> SaveAsync(PartnershipForm form, CancellationToken cancel = default)
    {
        await partnershipValidator.CheckAsync(form, cancel);
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var parties = form.Parties.Where(p => p.OrganisationId is not null)
            .Select(p => new PartnershipParty(p.OrganisationId!.Value, p.Role)).ToList();
        // A person records only their own organisation's partnerships: one they are not party to they could not
        // see again, and another council's register is not theirs to add to.
        if (!db.Caller.SeesEverything && parties.All(p => p.OrganisationId != db.Caller.OrganisationId))
            throw new DomainException("Parties: your own organisation must be one of the parties.");

        Partnership partnership;
        if (form.Id is { } id)
        {
            partnership = await Load(db, id, cancel);
            ExpectVersion(db, partnership, form.Version);
            partnership.SetParties(parties);
        }
        else
        {
            partnership = new Partnership(form.Code, form.Name, form.Kind, parties);
            db.Partnerships.Add(partnership);
        }
        partnership.UpdateDetails(form.Name, form.Kind, form.LegalBasis, form.Summary, ToSource(form.SourceDocument, form.SourceParagraph));
        partnership.SetLegalBasisSource(ToSource(form.LegalBasisSourceDocument, form.LegalBasisSourceParagraph));
        partnership.SetPredecessor(form.PredecessorId is { } predecessorId
            ? await db.Partnerships.SingleOrDefaultAsync(p => p.Id == predecessorId, cancel)
                ?? throw new DomainException("The chosen predecessor no longer exists.")
            : null);
        await SaveChanges(db, cancel);
        return partnership.Code;
    }

    public async Task SaveTermAsync(int partnershipId, TermForm form, int? expectedVersion = null, CancellationToken cancel = default)
    {
        await termValidator.CheckAsync(form, cancel);
        var term = new Term(form.StartDate, form.EndKind, form.EndDate, form.UpToYears, form.MinimumTermMonths,
            form.TerminationFalls, form.Notes, ToSource(form.SourceDocument, form.SourceParagraph),
            form.ExtensionOptions, form.ExtensionMonths, form.RenewalMonths);
        var notices = form.Notices.Where(n => n.RecordsSomething)
            .Select(n => new NoticePeriod(n.OrganisationId, n.Length, n.IsIllustrative, ToSource(n.SourceDocument, n.SourceParagraph))).ToList();
        await ChangeAsync(partnershipId, expectedVersion, p => p.SetTerm(term, notices), cancel);
    }

    public async Task SaveServiceAsync(int partnershipId, ServiceForm form, int? expectedVersion = null, CancellationToken cancel = default)
    {
        await serviceValidator.CheckAsync(form, cancel);
        var source = ToSource(form.SourceDocument, form.SourceParagraph);
        await ChangeAsync(partnershipId, expectedVersion, p =>
        {
            if (form.Id is { } serviceId)
                p.UpdateService(serviceId, form.Name, form.ProviderId!.Value, form.RecipientId!.Value, form.Description,
                    form.StartDate, form.EndDate, source);
            else
                p.AddService(new TradedService(form.Name, form.ProviderId!.Value, form.RecipientId!.Value, form.Description,
                    form.StartDate, form.EndDate, source));
        }, cancel);
    }

    public Task RemoveServiceAsync(int partnershipId, int serviceId, int? expectedVersion = null, CancellationToken cancel = default) =>
        ChangeAsync(partnershipId, expectedVersion, p => p.RemoveService(serviceId), cancel);

    public async Task SaveDecisionAsync(int partnershipId, DecisionForm form, int? expectedVersion = null, CancellationToken cancel = default)
    {
        await decisionValidator.CheckAsync(form, cancel);
        var source = ToSource(form.SourceDocument, form.SourceParagraph);
        await ChangeAsync(partnershipId, expectedVersion, p =>
        {
            if (form.Id is { } decisionId)
                p.FindDecision(decisionId).Update(form.OrganisationId!.Value, form.DecisionMaker, form.Reference,
                    form.DecisionDate!.Value, form.IsKeyDecision, form.SubjectToCallIn, form.Resolved, form.PublishedOn, source);
            else
                p.AddDecision(new DecisionRecord(form.OrganisationId!.Value, form.DecisionMaker, form.Reference,
                    form.DecisionDate!.Value, form.IsKeyDecision, form.SubjectToCallIn, form.Resolved, form.PublishedOn, source));
        }, cancel);
    }

    public Task RemoveDecisionAsync(int partnershipId, int decisionId, int? expectedVersion = null, CancellationToken cancel = default) =>
        ChangeAsync(partnershipId, expectedVersion, p => p.RemoveDecision(decisionId), cancel);

    /// <summary>Records an entry in the partnership's history through the partnership's named methods.</summary>
    public async Task RecordEventAsync(int partnershipId, HistoryForm form, int? expectedVersion = null, CancellationToken cancel = default)
    {
        await historyValidator.CheckAsync(form, cancel);
        var source = ToSource(form.SourceDocument, form.SourceParagraph);
        var date = form.Date!.Value;
        RequireNotFuture(form.Kind, date);
        await ChangeAsync(partnershipId, expectedVersion, p => _ = form.Kind switch
        {
            PartnershipEventKind.Commenced => p.RecordCommencement(date, form.Description, source),
            PartnershipEventKind.ExtensionExercised => p.ExerciseExtension(date, form.OrganisationId, form.Description, source),
            PartnershipEventKind.Variation => p.Vary(date, form.NewEndDate, form.Description!, source),
            PartnershipEventKind.NoticeServed => p.ServeNotice(form.OrganisationId!.Value, date, form.ExitDate, form.ExitOverrideReason, form.Description, source),
            _ => p.Terminate(date, form.Description, source),
        }, cancel);
    }

    // Key dates and status use only history dated on or before the day asked about, so notice or a termination dated
    // after today would stay invisible until then. The history records what has happened: plan with the what-if.
    private void RequireNotFuture(PartnershipEventKind kind, DateOnly date)
    {
        var today = clock.Today();
        if (date <= today) return;
        if (kind == PartnershipEventKind.NoticeServed)
            throw new DomainException($"Notice served on: {DateText.Long(date)} is after today ({DateText.Long(today)}). Record notice once it has been served; to see what it would do, use \"What if we serve notice?\".");
        if (kind == PartnershipEventKind.Terminated)
            throw new DomainException($"Last day of the agreement: {DateText.Long(date)} is after today ({DateText.Long(today)}). Record a termination once its last day has come; to plan an earlier end, record a variation that moves the end of the term.");
    }

    public Task RemoveEventAsync(int partnershipId, int eventId, int? expectedVersion = null, CancellationToken cancel = default) =>
        ChangeAsync(partnershipId, expectedVersion, p => p.RemoveEvent(eventId), cancel);

    public async Task AddMilestoneAsync(int partnershipId, MilestoneForm form, int? expectedVersion = null, CancellationToken cancel = default)
    {
        await milestoneValidator.CheckAsync(form, cancel);
        await ChangeAsync(partnershipId, expectedVersion, p => p.AddMilestone(
            new Milestone(form.Kind, form.Date!.Value, form.Note, ToSource(form.SourceDocument, form.SourceParagraph))), cancel);
    }

    public Task RemoveMilestoneAsync(int partnershipId, int milestoneId, int? expectedVersion = null, CancellationToken cancel = default) =>
        ChangeAsync(partnershipId, expectedVersion, p => p.RemoveMilestone(milestoneId), cancel);

    /// <summary>
    /// Loads the partnership in a fresh context, checks it is still at the version the form loaded (null: not checked),
    /// applies one change through its own methods, and saves once.
    /// </summary>
    private async Task ChangeAsync(int partnershipId, int? expectedVersion, Action<Partnership> change, CancellationToken cancel)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var partnership = await Load(db, partnershipId, cancel);
        ExpectVersion(db, partnership, expectedVersion);
        change(partnership);
        await SaveChanges(db, cancel);
    }

    private static void ExpectVersion(SharedServicesDbContext db, Partnership partnership, int? expected) =>
        EditVersion.Expect(db.Entry(partnership).Property(p => p.Version), expected, EditConflictException.Partnership);

    private static async Task<Partnership> Load(SharedServicesDbContext db, int id, CancellationToken cancel) =>
        await PartnershipDetails.WithEverything(db.Partnerships).SingleOrDefaultAsync(p => p.Id == id, cancel)
            ?? throw new DomainException("That partnership no longer exists.");

    private static async Task SaveChanges(SharedServicesDbContext db, CancellationToken cancel)
    {
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflictException.Partnership();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two people saving at once can both pass validation; the database's unique index is the last word.
            throw new DomainException("Someone else has just saved a partnership or successor link that clashes with this one. Reload and try again.");
        }
    }
}
