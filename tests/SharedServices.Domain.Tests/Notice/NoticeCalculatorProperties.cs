using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Domain.Tests.Notice;

/// <summary>
/// A random agreement and two random days (2000–2040): the notice (1–24 months, 1–52 weeks or 1–365 days), the
/// alignment rule, a term that is open-ended, fixed, or fixed and renewing, and perhaps a minimum term.
/// </summary>
public sealed record NoticeScenario(
    NoticeLength Notice,
    TerminationFalls Falls,
    DateOnly TermStart,
    int? TermMonths,
    int? RenewalMonths,
    int? MinimumMonths,
    DateOnly Day,
    DateOnly OtherDay)
{
    public Term Term => TermMonths is { } months
        ? new Term(TermStart, TermEndKind.FixedDate, endDate: DateRange.ForMonths(TermStart, months).End,
            minimumTermMonths: MinimumMonths, terminationFalls: Falls, renewalMonths: RenewalMonths)
        : new Term(TermStart, TermEndKind.OpenEnded, minimumTermMonths: MinimumMonths, terminationFalls: Falls);

    public ExitRules Rules => NoticeTestData.Rules(Term);
}

public static class NoticeScenarios
{
    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly int Days2000To2040 = new DateOnly(2040, 12, 31).DayNumber - First.DayNumber;
    private static readonly int Days2000To2035 = new DateOnly(2035, 12, 31).DayNumber - First.DayNumber;

    private static Gen<DateOnly> DayUpTo(int days) => Gen.Choose(0, days).Select(First.AddDays);

    private static readonly Gen<NoticeLength> Notice =
        from unit in Gen.Elements(NoticeUnit.Months, NoticeUnit.Weeks, NoticeUnit.Days)
        from amount in Gen.Choose(1, unit switch { NoticeUnit.Months => 24, NoticeUnit.Weeks => 52, _ => 365 })
        select new NoticeLength(amount, unit);

    private static readonly Gen<int?> Optional36 =
        Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 36).Select(m => (int?)m)));

    private static readonly Gen<(int? Term, int? Renewal)> Shape = Gen.OneOf(
        Gen.Constant<(int?, int?)>((null, null)),                                              // open-ended
        Gen.Choose(1, 120).Select(m => ((int?)m, (int?)null)),                                 // fixed
        from m in Gen.Choose(1, 120)
        from r in Gen.OneOf(Gen.Elements(1, 3, 6, 12), Gen.Choose(1, 36))
        select ((int?)m, (int?)r));                                                           // fixed, renewing

    public static Arbitrary<NoticeScenario> Scenario() => Arb.From(
        from notice in Notice
        from falls in Gen.Elements(Enum.GetValues<TerminationFalls>())
        from start in DayUpTo(Days2000To2035)
        from shape in Shape
        from minimum in Optional36
        from day in DayUpTo(Days2000To2040)
        from other in DayUpTo(Days2000To2040)
        select new NoticeScenario(notice, falls, start, shape.Term, shape.Renewal, minimum, day, other));
}

[Properties(Arbitrary = [typeof(NoticeScenarios)], MaxTest = 2000)]
public class NoticeCalculatorProperties
{
    [Property]
    public void EarliestExit_AnyServiceDay_IsNeverBeforeTheNoticeHasRun(NoticeScenario s)
    {
        var estimate = NoticeCalculator.EarliestExit(s.Rules, s.Notice, s.Day);

        Assert.Equal(s.Notice.RunsTo(s.Day), estimate.NoticeRunsTo);
        Assert.True(estimate.ExitDate >= s.Notice.RunsTo(s.Day), $"exit {estimate.ExitDate} before the notice runs to {estimate.NoticeRunsTo}");
        if (s.Rules.MinimumTermEnd is { } minimum)
            Assert.True(estimate.ExitDate >= minimum, $"exit {estimate.ExitDate} inside the minimum term to {minimum}");
        if (s.Rules.Schedule.Renews)
            Assert.Equal(estimate.ExitDate, s.Rules.Schedule.PeriodEndOnOrAfter(estimate.ExitDate));
        else
            Assert.True(ExitAlignment.Allows(s.Falls, estimate.ExitDate), $"exit {estimate.ExitDate} does not fall {s.Falls}");
    }

    [Property]
    public void LatestNoticeDate_ServingOnIt_ExitsOnOrBeforeTheDayAsked(NoticeScenario s)
    {
        var target = s.Day;
        var deadline = NoticeCalculator.LatestNoticeDate(s.Rules, s.Notice, target);
        if (deadline.LatestServiceDate is not { } latest) return;

        var exit = NoticeCalculator.EarliestExit(s.Rules, s.Notice, latest).ExitDate;

        Assert.True(deadline.ExitDate <= target, $"the deadline's exit {deadline.ExitDate} is after {target}");
        Assert.True(exit <= target, $"serving on {latest} exits {exit}, after {target}");
        Assert.True(exit <= deadline.ExitDate, $"serving on {latest} exits {exit}, after the promised {deadline.ExitDate}");
    }

    [Property]
    public void LatestNoticeDate_ServingADayLater_ExitsAfterTheDayAsked(NoticeScenario s)
    {
        var target = s.Day;
        var deadline = NoticeCalculator.LatestNoticeDate(s.Rules, s.Notice, target);
        if (deadline.LatestServiceDate is not { } latest) return;

        var exit = NoticeCalculator.EarliestExit(s.Rules, s.Notice, latest.AddDays(1)).ExitDate;

        Assert.True(exit > target, $"serving on {latest.AddDays(1)}, a day after the latest date, still exits {exit}, by {target}");
    }

    [Property]
    public void LatestNoticeDate_AnyServiceDayThatExitsInTime_IsOnOrBeforeIt(NoticeScenario s)
    {
        // Completeness: whenever some day's notice gets the agreement ended by the target, a latest date exists and
        // that day is not after it.
        var served = s.Day;
        var target = s.OtherDay;
        if (NoticeCalculator.EarliestExit(s.Rules, s.Notice, served).ExitDate > target) return;

        var deadline = NoticeCalculator.LatestNoticeDate(s.Rules, s.Notice, target);

        Assert.NotNull(deadline.LatestServiceDate);
        Assert.True(served <= deadline.LatestServiceDate, $"serving on {served} exits by {target}, but the latest date given is {deadline.LatestServiceDate}");
    }

    [Property]
    public void LatestNoticeForCurrentTerm_RenewingAgreement_IsNeverInThePast(NoticeScenario s)
    {
        if (!s.Rules.Schedule.Renews) return;
        var asOf = s.Day;

        var deadline = NoticeCalculator.LatestNoticeForCurrentTerm(s.Rules, s.Notice, asOf);
        if (deadline.LatestServiceDate is not { } latest) return;

        Assert.True(latest >= asOf, $"on {asOf} the deadline given, {latest} (to leave on {deadline.ExitDate}), has passed");
        Assert.True(NoticeCalculator.EarliestExit(s.Rules, s.Notice, latest).ExitDate == deadline.ExitDate,
            $"serving on {latest} does not end the agreement on {deadline.ExitDate}");
    }

    [Property]
    public void NoticeLength_LatestServiceFor_IsTheLastDayThatRunsInTime(NoticeScenario s)
    {
        var latest = s.Notice.LatestServiceFor(s.Day);

        Assert.True(s.Notice.RunsTo(latest) <= s.Day);
        Assert.True(s.Notice.RunsTo(latest.AddDays(1)) > s.Day);
    }

    [Property]
    public void PeriodEndOnOrBefore_RenewingAgreement_IsThePeriodEndBeforeTheNextOne(NoticeScenario s)
    {
        var schedule = s.Rules.Schedule;
        if (!schedule.Renews || schedule.PeriodEndOnOrBefore(s.Day) is not { } before) return;

        var after = schedule.PeriodEndOnOrAfter(s.Day)!.Value;

        Assert.True(before <= s.Day && after >= s.Day);
        Assert.Equal(before, schedule.PeriodEndOnOrAfter(before));   // a period end itself
        Assert.True(before == after || schedule.PeriodEndOnOrAfter(before.AddDays(1)) == after,
            $"no period end between {before} and {after} was expected");
    }
}
