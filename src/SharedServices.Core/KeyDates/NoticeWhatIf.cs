using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.KeyDates;

/// <summary>The answer to "if we serve notice on this day, when are we out and what have we committed?".</summary>
/// <param name="Estimate">The earliest exit; null when the party's notice period is not stated.</param>
/// <param name="Deadline">The latest notice date for the end of the current term.</param>
/// <param name="Problem">Why no exit could be worked out.</param>
/// <param name="Commitment">The value committed until the exit, or why it cannot be given.</param>
public sealed record WhatIfAnswer(string PartnershipName, string PartyName, NoticeLength? Notice, bool NoticeIsIllustrative,
    ExitEstimate? Estimate, NoticeDeadline? Deadline, string? Problem, string Commitment);

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

    public static WhatIfAnswer Ask(Partnership partnership, int organisationId, DateOnly servedOn)
    {
        var party = partnership.Parties.Single(p => p.OrganisationId == organisationId);
        var period = partnership.NoticePeriods.FirstOrDefault(n => n.OrganisationId == organisationId);
        var name = party.Organisation?.Name ?? "This party";
        if (partnership.StatusOn(servedOn) is PartnershipStatus.Ended or PartnershipStatus.Terminated)
            return new WhatIfAnswer(partnership.Name, name, period?.Length, false, null, null,
                $"The agreement has already ended by then (status on that day: {partnership.StatusOn(servedOn)}).", NoSchedules);
        if (period?.Length is not { } notice)
            return new WhatIfAnswer(partnership.Name, name, null, false, null, null,
                $"{name}'s notice period is not stated in the sources, so the exit date cannot be worked out. Record it on the term page.", NoSchedules);
        var rules = partnership.ExitRules;
        return new WhatIfAnswer(partnership.Name, name, notice, period.IsIllustrative,
            NoticeCalculator.EarliestExit(rules, notice, servedOn),
            NoticeCalculator.LatestNoticeForCurrentTerm(rules, notice, servedOn),
            null, NoSchedules);
    }
}
