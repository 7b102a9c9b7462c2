using FluentValidation;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Calendar;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.KeyDates;

/// <summary>
/// The oracle: after any edit made through the app's own use cases (so the save hooks that mark stored dates
/// stale run), what <see cref="UpcomingDates"/> answers for today, read from the stored dates, is exactly what
/// <see cref="KeyDateFinder.Between"/> gives over the partnerships loaded afresh.
/// </summary>
public abstract class StoredKeyDatesProperties<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // Monday 2 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly int[] Windows = [1, 30, 365, UpcomingDates.MaxDays];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new FixedClock(Today));

    private abstract record Edit;
    private sealed record NewPartnership(TermShape Term) : Edit;
    private sealed record ChangeTerm(int Pick, TermShape Term) : Edit;
    private sealed record AddDecision(int Pick, int PublishedDaysAgo) : Edit;
    private sealed record RecordHistory(int Pick, PartnershipEventKind Kind, int DaysAgo, int Months) : Edit;
    private sealed record AddMilestone(int Pick, MilestoneKind Kind, int DaysAhead) : Edit;
    private sealed record RemovePart(int Pick) : Edit;
    private sealed record CallInDays(int Pick, int Days) : Edit;
    private sealed record AddBankHoliday(int DaysAhead) : Edit;
    private sealed record RemoveBankHoliday(int Pick) : Edit;

    private sealed record TermShape(int StartDaysAgo, TermEndKind EndKind, int Months, int? MinimumMonths, int? RenewalMonths, int? NoticeMonths);

    private static readonly Gen<TermShape> Terms =
        from start in Gen.Choose(-200, 3000)
        from kind in Gen.Elements(TermEndKind.FixedDate, TermEndKind.UpToYears, TermEndKind.OpenEnded, TermEndKind.NotStated)
        from months in Gen.Choose(1, 72)
        from minimum in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 36).Select(m => (int?)m))
        from renewal in Gen.OneOf(Gen.Constant<int?>(null), Gen.Elements<int?>(1, 3, 12))
        from notice in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 12).Select(m => (int?)m))
        select new TermShape(start, kind, months, minimum, kind is TermEndKind.FixedDate or TermEndKind.UpToYears ? renewal : null, notice);

    private static readonly Gen<Edit> Edits = Gen.OneOf(
        Terms.Select(t => (Edit)new NewPartnership(t)),
        from pick in Gen.Choose(0, 99) from t in Terms select (Edit)new ChangeTerm(pick, t),
        from pick in Gen.Choose(0, 99) from days in Gen.Choose(0, 12) select (Edit)new AddDecision(pick, days),
        from pick in Gen.Choose(0, 99)
        from kind in Gen.Elements(PartnershipEventKind.NoticeServed, PartnershipEventKind.Terminated, PartnershipEventKind.ExtensionExercised, PartnershipEventKind.Variation)
        from ago in Gen.Choose(0, 400) from months in Gen.Choose(1, 48)
        select (Edit)new RecordHistory(pick, kind, ago, months),
        from pick in Gen.Choose(0, 99) from kind in Gen.Elements(MilestoneKind.Break, MilestoneKind.Review) from ahead in Gen.Choose(-30, 4000)
        select (Edit)new AddMilestone(pick, kind, ahead),
        Gen.Choose(0, 99).Select(p => (Edit)new RemovePart(p)),
        from pick in Gen.Choose(0, 99) from days in Gen.Choose(1, 20) select (Edit)new CallInDays(pick, days),
        Gen.Choose(0, 20).Select(d => (Edit)new AddBankHoliday(d)),
        Gen.Choose(0, 99).Select(p => (Edit)new RemoveBankHoliday(p)));

    [Fact]
    public async Task Upcoming_AfterRandomEdits_EqualsTheRulesOverThePartnershipsAsTheyNowAre()
    {
        // As the app does at start-up: the years' holidays exist before anyone edits them.
        await Get<BankHolidayReference>().EnsureUsualYearsAsync();
        var applied = 0;
        var property = Prop.ForAll(Gen.ListOf(Edits).Select(e => e.Take(6).ToList()).ToArbitrary(), edits =>
        {
            foreach (var edit in edits)
            {
                if (ApplyAsync(edit).GetAwaiter().GetResult()) applied++;
                CheckAgainstTheRulesAsync().GetAwaiter().GetResult();
            }
        });
        // No synchronisation context to block on: the property runs on the thread pool. The generator has no shrinker, so a
        // failure is reported as generated (shrinking would replay edits on a database the failed run already changed).
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(8), property));
        // Some edits are refused by the rules (notice on an ended agreement, say), but most must have gone through.
        Assert.True(applied >= 10, $"only {applied} edits were applied");
    }

    private async Task CheckAgainstTheRulesAsync()
    {
        var upcoming = Get<UpcomingDates>();
        List<Partnership> partnerships;
        await using (var db = Factory.CreateDbContext())
            partnerships = await UpcomingDates.ForKeyDates(db.Partnerships.AsNoTracking()).OrderBy(p => p.Id).ToListAsync();
        var calendar = await Get<BankHolidayReference>().LoadCalendarAsync();
        foreach (var days in Windows)
        {
            var expected = KeyDateFinder.Between(partnerships, Today, UpcomingDates.LastDay(Today, days), calendar);
            var actual = await upcoming.LoadAsync(Today, days);
            Assert.Equal(TiesByText(expected), actual.Dates);
        }
        var first = await upcoming.NextAsync(Today, 5);
        Assert.Equal(TiesByText(KeyDateFinder.Between(partnerships, Today, new DateOnly(2126, 12, 31), calendar)).Take(5), first);

        // And the answers came from the store: every partnership has a set worked out for today.
        await using (var db = Factory.CreateDbContext())
        {
            var derived = await db.KeyDateDerivations.Select(d => new { d.PartnershipId, d.DerivedFor }).ToListAsync();
            Assert.Equal(partnerships.Select(p => p.Id).Order(), derived.Select(d => d.PartnershipId).Order());
            Assert.All(derived, d => Assert.Equal(Today, d.DerivedFor));
        }
    }

    /// <summary>
    /// The rules' order leaves two same-day, same-kind dates of one partnership (each party's latest notice date) in
    /// the order the parties happened to load; the store puts those in order of their text. Everything else is the
    /// rules' own order (the partnerships here have distinct names and load in id order).
    /// </summary>
    private static List<KeyDate> TiesByText(IEnumerable<KeyDate> dates) => dates
        .Select((d, i) => (d, i))
        .GroupBy(x => (x.d.Date, x.d.PartnershipCode, x.d.Kind))
        .OrderBy(g => g.Min(x => x.i))
        .SelectMany(g => g.OrderBy(x => x.d.What, StringComparer.Ordinal).Select(x => x.d))
        .ToList();

    /// <summary>Applies one edit through the use cases; false when the form or the rules refused it.</summary>
    private async Task<bool> ApplyAsync(Edit edit)
    {
        var editor = Get<PartnershipEditor>();
        List<(int Id, List<int> Organisations)> partnerships;
        List<int> organisations;
        await using (var db = Factory.CreateDbContext())
        {
            partnerships = (await db.Partnerships.AsNoTracking().Include(p => p.Parties).OrderBy(p => p.Id).ToListAsync())
                .Select(p => (p.Id, p.Parties.Select(x => x.OrganisationId).ToList())).ToList();
            organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        }
        var (id, parties) = partnerships[edit switch
        {
            ChangeTerm e => e.Pick, AddDecision e => e.Pick, RecordHistory e => e.Pick, AddMilestone e => e.Pick, RemovePart e => e.Pick, _ => 0,
        } % partnerships.Count];
        try
        {
            switch (edit)
            {
                case NewPartnership e:
                    var code = $"property-{Guid.NewGuid():N}"[..20];
                    await editor.SaveAsync(new PartnershipForm
                    {
                        Code = code, Name = $"Property {code}",
                        Parties = [new() { OrganisationId = organisations[0], Role = PartyRole.Provider }, new() { OrganisationId = organisations[1], Role = PartyRole.Recipient }],
                    });
                    await using (var db = Factory.CreateDbContext())
                        id = await db.Partnerships.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
                    await editor.SaveTermAsync(id, TermFor(e.Term, [organisations[0], organisations[1]]));
                    break;
                case ChangeTerm e:
                    await editor.SaveTermAsync(id, TermFor(e.Term, parties));
                    break;
                case AddDecision e:
                    await editor.SaveDecisionAsync(id, new DecisionForm
                    {
                        OrganisationId = parties[0], DecisionMaker = "Cabinet", DecisionDate = Today.AddDays(-e.PublishedDaysAgo - 3),
                        PublishedOn = Today.AddDays(-e.PublishedDaysAgo), IsKeyDecision = true, SubjectToCallIn = true, Resolved = "Agreed.",
                    });
                    break;
                case RecordHistory e:
                    await editor.RecordEventAsync(id, new HistoryForm
                    {
                        Kind = e.Kind, Date = Today.AddDays(-e.DaysAgo), OrganisationId = parties[^1],
                        NewEndDate = e.Kind == PartnershipEventKind.Variation ? Today.AddMonths(e.Months) : null, Description = "Recorded by the property test.",
                    });
                    break;
                case AddMilestone e:
                    await editor.AddMilestoneAsync(id, new MilestoneForm { Kind = e.Kind, Date = Today.AddDays(e.DaysAhead), Note = "Property test" });
                    break;
                case RemovePart e:
                    await using (var db = Factory.CreateDbContext())
                    {
                        var p = await db.Partnerships.AsNoTracking().Include(x => x.Decisions).Include(x => x.Events).Include(x => x.Milestones).AsSplitQuery().SingleAsync(x => x.Id == id);
                        if (p.Milestones.Count > 0) await editor.RemoveMilestoneAsync(id, p.Milestones[e.Pick % p.Milestones.Count].Id);
                        else if (p.Decisions.Count > 0) await editor.RemoveDecisionAsync(id, p.Decisions[e.Pick % p.Decisions.Count].Id);
                        else if (p.Events.Count > 0) await editor.RemoveEventAsync(id, p.Events[e.Pick % p.Events.Count].Id);
                        else return false;
                    }
                    break;
                case CallInDays e:
                    var directory = Get<OrganisationDirectory>();
                    Domain.Organisations.Organisation organisation;
                    await using (var db = Factory.CreateDbContext())
                        organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisations[e.Pick % organisations.Count]);
                    var form = OrganisationForm.From(organisation);
                    form.CallInWorkingDays = e.Days;
                    await directory.SaveAsync(form);
                    break;
                case AddBankHoliday e:
                    await Get<BankHolidayReference>().SaveAsync(Today.AddDays(e.DaysAhead), "Property test holiday");
                    break;
                case RemoveBankHoliday e:
                    var holidays = await Get<BankHolidayReference>().ForYearAsync(Today.Year);
                    if (holidays.Count == 0) return false; // all removed by earlier edits
                    await Get<BankHolidayReference>().RemoveAsync(holidays[e.Pick % holidays.Count].Date);
                    break;
            }
            return true;
        }
        catch (Exception ex) when (ex is DomainException or ValidationException)
        {
            return false;
        }
    }

    private static TermForm TermFor(TermShape shape, IReadOnlyList<int> parties)
    {
        var start = Today.AddDays(-shape.StartDaysAgo);
        return new TermForm
        {
            StartDate = start,
            EndKind = shape.EndKind,
            EndDate = shape.EndKind == TermEndKind.FixedDate ? start.AddMonths(shape.Months).AddDays(-1) : null,
            UpToYears = shape.EndKind == TermEndKind.UpToYears ? 1 + shape.Months % 5 : null,
            MinimumTermMonths = shape.MinimumMonths,
            RenewalMonths = shape.RenewalMonths,
            Notices = shape.NoticeMonths is { } months
                ? parties.Distinct().Select(o => new NoticeForm { OrganisationId = o, Amount = months, Unit = NoticeUnit.Months }).ToList()
                : [],
        };
    }
}

public sealed class StoredKeyDatesProperties_Sqlite : StoredKeyDatesProperties<SqliteTestDatabase>;

public sealed class StoredKeyDatesProperties_Postgres : StoredKeyDatesProperties<PostgresTestDatabase>;
