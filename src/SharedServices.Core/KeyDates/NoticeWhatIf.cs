using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.KeyDates;

/// <summary>The answer to "if we serve notice on this day, when are we out and what have we committed?".</summary>
/// <param name="Estimate">The earliest exit; null when the party's notice period is not stated or notice is already recorded.</param>
/// <param name="Deadline">The latest notice date for the end of the current term.</param>
/// <param name="Problem">Why no exit could be worked out.</param>
/// <param name="Commitment">The value committed until the exit, or why it cannot be given.</param>
/// <param name="MinimumTermDeadline">The latest notice date to leave as soon as the minimum term allows, while that is still ahead.</param>
/// <param name="Recorded">Notice already recorded on the partnership: its exit stands, so nothing is worked out afresh.</param>
public sealed record WhatIfAnswer(string PartnershipName, string PartyName, NoticeLength? Notice, bool NoticeIsIllustrative,
    ExitEstimate? Estimate, NoticeDeadline? Deadline, string? Problem, string Commitment,
    NoticeDeadline? MinimumTermDeadline = null, RecordedNotice? Recorded = null);

/// <summary>Notice recorded in a partnership's history, as the what-if reports it.</summary>
/// <param name="ByThisParty">Whether the party asked about is the one who served it.</param>
public sealed record RecordedNotice(string ServedBy, bool ByThisParty, DateOnly ServedOn, DateOnly ExitDate, string? ExitOverrideReason)
{
    public string Text => $"{(ByThisParty ? "This party" : ServedBy)} served notice on {DateText.Long(ServedOn)}, as recorded in the history: "
        + $"the agreement ends on {DateText.Long(ExitDate)}" + (ExitOverrideReason is { } why ? $" (exit date set by hand: {why})." : ".");
}

/// <summary>A what-if asked for a day notice could not have been served (before the agreement began).</summary>
public sealed class WhatIfDateException(string message) : Exception(message);

/// <summary>Runs the what-if for one party of one partnership, for the page and the command line alike.</summary>
public sealed class NoticeWhatIf(IDbContextFactory<SharedServicesDbContext> contextFactory)
{
    /// <summary>What the calculator says about money until charge schedules exist.</summary>
    public const string NoSchedules = "No charge schedules are recorded for this partnership yet, so the value committed until exit cannot be worked out.";

    public async Task<WhatIfAnswer> AskAsync(string partnershipCode, string partyShortCode, DateOnly servedOn, CancellationToken cancel = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancel);
        var partnership = await PartnershipDetails.WithEverything(db.Partnerships.AsNoTracking())
            .Include(p => p.Events).Include(p => p.Milestones)
            .SingleOrDefaultAsync(p => p.Code == partnershipCode, cancel)
            ?? throw new DomainException($"There is no partnership with the code '{partnershipCode}'.");
        var party = partnership.Parties.FirstOrDefault(p => string.Equals(p.Organisation?.ShortCode, partyShortCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"'{partyShortCode}' is not a party to {partnership.Name}; the parties are {string.Join(", ", partnership.Parties.Select(p => p.Organisation?.ShortCode))}.");
        return Ask(partnership, party.OrganisationId, servedOn);
    }

    /// <summary>Why notice could not be served on <paramref name="servedOn"/>, or null when it could.</summary>
    public static string? ServedOnProblem(Partnership partnership, DateOnly servedOn) =>
        partnership.StartedOn is { } start && servedOn < start
            ? $"Notice cannot be served on {DateText.Long(servedOn)}: the agreement began on {DateText.Long(start)}. Choose a day on or after it."
            : null;

    /// <exception cref="WhatIfDateException">Notice served before the agreement began.</exception>
    public static WhatIfAnswer Ask(Partnership partnership, int organisationId, DateOnly servedOn)
    {
        if (ServedOnProblem(partnership, servedOn) is { } tooEarly) throw new WhatIfDateException(tooEarly);
        var party = partnership.Parties.Single(p => p.OrganisationId == organisationId);
        var period = partnership.NoticePeriods.FirstOrDefault(n => n.OrganisationId == organisationId);
        var name = party.Organisation?.Name ?? "This party";
        if (partnership.RecordedNotice is { ExitDate: { } exit } notice)
        {
            var server = partnership.Parties.FirstOrDefault(p => p.OrganisationId == notice.OrganisationId)?.Organisation?.Name ?? "A party";
            return new WhatIfAnswer(partnership.Name, name, period?.Length, period?.IsIllustrative ?? false, null, null, null, NoSchedules,
                Recorded: new RecordedNotice(server, notice.OrganisationId == organisationId, notice.Date, exit, notice.ExitOverrideReason));
        }
        if (partnership.StatusOn(servedOn) is PartnershipStatus.Ended or PartnershipStatus.Terminated)
            return new WhatIfAnswer(partnership.Name, name, period?.Length, false, null, null,
                $"The agreement has already ended by then (status on that day: {partnership.StatusOn(servedOn)}).", NoSchedules);
        if (period?.Length is not { } length)
            return new WhatIfAnswer(partnership.Name, name, null, false, null, null,
                $"{name}'s notice period is not stated in the sources, so the exit date cannot be worked out. Record it on the term page.", NoSchedules);
        var rules = partnership.ExitRules;
        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(rules, length, servedOn);
        // Worth saying only while the minimum term's deadline is still ahead and differs from the end-of-term one.
        var minimum = NoticeCalculator.LatestNoticeForMinimumTerm(rules, length) is { LatestServiceDate: { } latest } m
            && latest >= servedOn && m.ExitDate != deadline.ExitDate ? m : null;
        return new WhatIfAnswer(partnership.Name, name, length, period.IsIllustrative,
            NoticeCalculator.EarliestExit(rules, length, servedOn), deadline, null, NoSchedules, minimum);
    }
}
