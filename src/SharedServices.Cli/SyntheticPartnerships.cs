using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Cli;

/// <summary>
/// Made-up partnerships for the web benchmark, with the detail the seed partnerships carry: terms of every kind
/// (fixed, "up to N years", renewing, open-ended, not stated), minimum terms, extension options, a notice period per
/// party, decisions published for call-in, history (extensions, variations, notice served, terminations), break and
/// review dates, governance bodies, and charge schedules on some services. One council, <see cref="CouncilName"/>,
/// is party to every one of them, so a person of that council sees the whole register: the worst case for the pages.
/// Built through the domain like real ones, in batches; the same count always gives the same partnerships.
/// </summary>
internal static class SyntheticPartnerships
{
    public const string CouncilCode = "BENCH";
    public const string CouncilName = "Benchmark Council";

    /// <summary>Partnership 0, built with one of every kind of detail: the page the benchmark opens.</summary>
    public static string Showcase => CodeOf(0);

    public static string CodeOf(int i) => $"bench-web-{i:D6}";

    /// <summary>A word in the name of about one partnership in ten, and in more of their services (the searched register).</summary>
    public const string SearchWord = "payroll";

    private static readonly string[] Services =
        ["School improvement", "Educational psychology", "SEN statutory functions", "Safeguarding unit", "Payroll", "Legal services",
         "Internal audit", "Procurement", "Highways design", "Trading standards"];

    private static readonly string[] DecisionMakers =
        ["Cabinet", "Executive Board", "Executive Lead Member for Resources", "Director of Corporate Services", "Joint Committee"];

    private const int Batch = 500;

    /// <summary>Adds <paramref name="count"/> partnerships, and the benchmark's council, to a database that holds the seed organisations.</summary>
    public static async Task AddAsync(SharedServicesDbContextFactory factory, int count, CancellationToken cancel)
    {
        var random = new Random(20261130);
        int council;
        int[] others;
        await using (var db = factory.CreateDbContext())
        {
            var organisation = new Organisation(CouncilName, CouncilCode, OrganisationKind.UnitaryAuthority);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancel);
            council = organisation.Id;
            // In a set order: the same draw picks the same organisation on every database.
            others = await db.Organisations.Where(o => o.Id != council).OrderBy(o => o.Id).Select(o => o.Id).ToArrayAsync(cancel);
        }

        for (var done = 0; done < count; done += Batch)
        {
            await using var db = factory.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var added = new List<(Partnership Partnership, bool Charged)>();
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var partnership = i == 0 ? MakeShowcase(council, others[0]) : Make(i, random, council, others[random.Next(others.Length)]);
                db.Partnerships.Add(partnership);
                added.Add((partnership, i == 0 || i % 4 == 0)); // a charge schedule on every service of one partnership in four
            }
            await db.SaveChangesAsync(cancel);
            foreach (var (partnership, _) in added.Where(a => a.Charged))
                foreach (var service in partnership.Services)
                    db.ChargeSchedules.Add(ScheduleFor(service, partnership.Term.StartDate ?? new DateOnly(2020, 4, 1), service.Id % 3));
            await db.SaveChangesAsync(cancel);
        }
    }

    private static Partnership Make(int i, Random random, int council, int other)
    {
        var councilProvides = random.Next(2) == 0;
        var (provider, recipient) = councilProvides ? (council, other) : (other, council);
        var service = Services[random.Next(Services.Length)];
        var partnership = new Partnership(CodeOf(i), $"{service} partnership {i:D6}", (PartnershipKind)random.Next(5),
            [new PartnershipParty(provider, PartyRole.Provider), new PartnershipParty(recipient, PartyRole.Recipient)]);
        partnership.UpdateDetails(partnership.Name, partnership.Kind, "Local Government Act 1972 s113 and s101",
            $"{service} provided by one council to the other under an inter-authority agreement, with a schedule of charges reviewed each year.", null);

        // Starts from April 2012 to June 2027, so that at any time now some are in their first months and some are proposed.
        var start = new DateOnly(2012, 4, 1).AddDays(random.Next(5_570));
        var extensions = random.Next(2) == 0;
        var term = random.Next(20) switch
        {
            < 7 => new Term(start, TermEndKind.FixedDate, start.AddYears(3 + random.Next(5)).AddDays(-1),
                minimumTermMonths: random.Next(3) == 0 ? 24 : null, terminationFalls: (TerminationFalls)random.Next(6),
                extensionOptions: extensions ? 2 : null, extensionMonths: extensions ? 12 : null),
            < 13 => new Term(start, TermEndKind.FixedDate, start.AddYears(1 + random.Next(3)).AddDays(-1), terminationFalls: TerminationFalls.FinancialYearEnd,
                renewalMonths: 12, minimumTermMonths: 12),
            < 16 => new Term(start, TermEndKind.UpToYears, upToYears: 3 + random.Next(8), terminationFalls: (TerminationFalls)random.Next(6)),
            < 19 => new Term(start, TermEndKind.OpenEnded, minimumTermMonths: random.Next(2) == 0 ? 12 : null, terminationFalls: TerminationFalls.QuarterEnd),
            _ => Term.Unknown,
        };
        partnership.SetTerm(term, [NoticeOf(provider, random), NoticeOf(recipient, random)]);

        for (var s = 0; s < 1 + random.Next(3); s++)
            partnership.AddService(new TradedService(s == 0 ? service : Services[random.Next(Services.Length)], provider, recipient,
                "Delivered by the provider's team to the recipient's officers and schools.", startDate: term.StartDate));

        var decided = start.AddDays(-30 - random.Next(90));
        for (var d = 0; d < 1 + random.Next(3); d++, decided = decided.AddDays(7 + random.Next(60)))
        {
            var maker = DecisionMakers[random.Next(DecisionMakers.Length)];
            var cabinet = maker is "Cabinet" or "Executive Board";
            partnership.AddDecision(new DecisionRecord(d % 2 == 0 ? council : other, maker, $"{(cabinet ? "CAB" : "OD")} {decided.Year % 100:D2}/{i % 1000:D3}",
                decided, isKeyDecision: cabinet ? true : random.Next(3) == 0 ? null : false, subjectToCallIn: cabinet ? true : null,
                $"Agreed to enter into the {service.ToLowerInvariant()} agreement and delegated its terms to the director.",
                publishedOn: random.Next(4) == 0 ? null : decided.AddDays(1 + random.Next(3))));
        }

        if (random.Next(3) == 0) partnership.AddMilestone(new Milestone(MilestoneKind.Review, start.AddYears(1 + random.Next(4)), "Annual review of the service level agreement", null));
        if (random.Next(5) == 0) partnership.AddMilestone(new Milestone(MilestoneKind.Break, start.AddYears(2 + random.Next(3)), "Either party may break on six months' notice", null));
        if (random.Next(5) == 0) partnership.SetGovernanceBodies([new GovernanceBody("Joint Partnership Board", "Oversees performance and the annual charges", null)]);

        AddHistory(partnership, random, provider, recipient);
        return partnership;
    }

    /// <summary>
    /// A history drawn at random: the draw may ask for something the partnership's term refuses (an extension to a term
    /// with none, notice after it ended), which the domain rejects as it would a person; that entry is then left out.
    /// </summary>
    private static void AddHistory(Partnership partnership, Random random, int provider, int recipient)
    {
        var term = partnership.Term;
        var draw = random.Next(10);
        Try(() =>
        {
            if (term.ExtensionOptions is not null && partnership.CurrentTermEnd is { } end && draw < 5)
                partnership.ExerciseExtension(end.AddDays(-90), provider, "Extension exercised by the provider's director", null);
        });
        Try(() =>
        {
            if (draw == 5 && partnership.CurrentTermEnd is { } end)
                partnership.Vary(end.AddDays(-60), end.AddYears(1), "Varied to run a further year while the service is re-procured", null);
        });
        Try(() =>
        {
            if (draw is 6 or 7 && term.StartDate is { } start)
                partnership.ServeNotice(draw == 6 ? provider : recipient, start.AddYears(2).AddDays(random.Next(300)), null, null, "Notice served by letter", null);
        });
        Try(() =>
        {
            if (draw == 8 && term.StartDate is { } start)
                partnership.Terminate(start.AddYears(1 + random.Next(4)), "Terminated by agreement of both councils", null);
        });
    }

    private static void Try(Action add)
    {
        try { add(); }
        catch (DomainException) { } // see AddHistory: a history the term refuses is not recorded
    }

    private static NoticePeriod NoticeOf(int organisation, Random random) => random.Next(10) switch
    {
        < 4 => new NoticePeriod(organisation, new NoticeLength(6, NoticeUnit.Months), false, null),
        < 6 => new NoticePeriod(organisation, new NoticeLength(12, NoticeUnit.Months), false, null),
        < 8 => new NoticePeriod(organisation, new NoticeLength(3, NoticeUnit.Months), random.Next(2) == 0, null),
        8 => new NoticePeriod(organisation, new NoticeLength(26, NoticeUnit.Weeks), false, null),
        _ => new NoticePeriod(organisation, null, false, null), // "not stated in source", as the seed's strategic partnership
    };

    /// <summary>
    /// Partnership 0: a renewing-looking fixed term extended twice and then varied, notice served, both kinds of
    /// milestone, three decisions published for call-in, a governance board and three charged services.
    /// </summary>
    private static Partnership MakeShowcase(int council, int other)
    {
        var partnership = new Partnership(Showcase, "Payroll and HR shared service 000000", PartnershipKind.SharedService,
            [new PartnershipParty(council, PartyRole.Provider), new PartnershipParty(other, PartyRole.Recipient)]);
        partnership.UpdateDetails(partnership.Name, partnership.Kind, "Local Government Act 1972 s113 and s101",
            "The council runs payroll, pensions administration and HR advice for its neighbour, sharing the service manager's post.", null);
        var start = new DateOnly(2021, 4, 1);
        partnership.SetTerm(new Term(start, TermEndKind.FixedDate, new DateOnly(2024, 3, 31), minimumTermMonths: 24,
                terminationFalls: TerminationFalls.FinancialYearEnd, extensionOptions: 2, extensionMonths: 12),
            [new NoticePeriod(council, new NoticeLength(6, NoticeUnit.Months), false, null), new NoticePeriod(other, new NoticeLength(12, NoticeUnit.Months), false, null)]);
        foreach (var name in new[] { "Payroll", "Pensions administration", "HR advice" })
            partnership.AddService(new TradedService(name, council, other, $"{name} for the recipient's staff.", startDate: start));
        partnership.AddDecision(new DecisionRecord(council, "Cabinet", "CAB 20/21 0412", new DateOnly(2021, 1, 19), true, true,
            "Agreed to provide payroll and HR services to the neighbouring council from 1 April 2021.", new DateOnly(2021, 1, 21)));
        partnership.AddDecision(new DecisionRecord(other, "Executive Board", "EXB 112", new DateOnly(2021, 2, 4), true, true,
            "Agreed to buy payroll and HR services from the council.", new DateOnly(2021, 2, 5)));
        partnership.AddDecision(new DecisionRecord(council, "Director of Corporate Services", "OD 26/031", new DateOnly(2026, 1, 12), false, null,
            "Agreed a one-year variation while the service is re-procured.", new DateOnly(2026, 1, 13)));
        partnership.SetGovernanceBodies([new GovernanceBody("Joint Partnership Board", "Oversees performance and the annual charges", null)]);
        partnership.ExerciseExtension(new DateOnly(2024, 1, 15), other, "First one-year extension", null);
        partnership.ExerciseExtension(new DateOnly(2025, 1, 15), other, "Second one-year extension", null);
        partnership.Vary(new DateOnly(2026, 2, 1), new DateOnly(2027, 3, 31), "Varied to run to 31 March 2027 while the service is re-procured", null);
        partnership.AddMilestone(new Milestone(MilestoneKind.Review, new DateOnly(2026, 12, 1), "Review of charges for 2027/28", null));
        partnership.AddMilestone(new Milestone(MilestoneKind.Break, new DateOnly(2027, 1, 1), "Either party may break on three months' notice", null));
        partnership.ServeNotice(other, new DateOnly(2026, 9, 1), null, null, "Notice served by the recipient's chief executive", null);
        return partnership;
    }

    /// <summary>A day rate, a fixed annual sum paid quarterly, or an hourly rate, with a pay award the following April.</summary>
    private static ChargeSchedule ScheduleFor(TradedService service, DateOnly start, int basis)
    {
        var schedule = new ChargeSchedule(service.Id, service.StartDate);
        schedule.AddVersion(new RateVersion(start, start, basis switch
        {
            0 => ChargingBasis.DayRate(new Money(450_00)),
            1 => ChargingBasis.FixedAnnualSum(new Money(120_000_00), InstalmentFrequency.Quarterly),
            _ => ChargingBasis.HourlyRate(new Money(65_00)),
        }));
        var award = new DateOnly(start.Month >= 4 ? start.Year + 1 : start.Year, 4, 1);
        schedule.AddVersion(new RateVersion(award, award, basis switch
        {
            0 => ChargingBasis.DayRate(new Money(463_50)),
            1 => ChargingBasis.FixedAnnualSum(new Money(123_600_00), InstalmentFrequency.Quarterly),
            _ => ChargingBasis.HourlyRate(new Money(66_95)),
        }));
        return schedule;
    }
}
