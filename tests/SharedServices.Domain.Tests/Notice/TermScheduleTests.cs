using SharedServices.Domain.Dates;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

public class TermScheduleTests
{
    [Fact]
    public void For_FixedTerm_IsOneInitialPeriod()
    {
        var schedule = TermSchedule.For(Fixed("2013-07-01", "2018-06-30"), []);

        Assert.Equal(D("2013-07-01"), schedule.Start);
        Assert.Equal(D("2018-06-30"), schedule.CurrentEnd);
        Assert.False(schedule.Renews);
        Assert.Null(schedule.RenewalMonths);
        var period = Assert.Single(schedule.Periods);
        Assert.Equal(new TermPeriod(TermPeriodKind.Initial, new DateRange(D("2013-07-01"), D("2018-06-30"))), period);
    }

    [Fact]
    public void For_UpToFiveYears_EndsTheDayBeforeTheFifthAnniversary()
    {
        var schedule = TermSchedule.For(UpToFiveYearsFromJuly2013(), []);

        Assert.Equal(D("2018-06-30"), schedule.CurrentEnd);
        Assert.Equal(new DateRange(D("2013-07-01"), D("2018-06-30")), Assert.Single(schedule.Periods).Dates);
    }

    [Fact]
    public void For_UpToOneYearFrom29February_EndsOnTheLastDayOfFebruary()
    {
        // 2025 has no 29 February to be the anniversary, so the year runs to the last day of February: 28 Feb 2025.
        var schedule = TermSchedule.For(new Term(D("2024-02-29"), TermEndKind.UpToYears, upToYears: 1), []);

        Assert.Equal(D("2025-02-28"), schedule.CurrentEnd);
    }

    [Theory]
    [InlineData(TermEndKind.OpenEnded)]
    [InlineData(TermEndKind.NotStated)]
    public void For_NoEnd_HasNoCurrentEndAndNoPeriods(TermEndKind kind)
    {
        var schedule = TermSchedule.For(new Term(D("2024-04-01"), kind), []);

        Assert.Equal(D("2024-04-01"), schedule.Start);
        Assert.Null(schedule.CurrentEnd);
        Assert.Empty(schedule.Periods);
        Assert.False(schedule.Renews);
        Assert.Null(schedule.PeriodEndOnOrAfter(D("2030-01-01")));
        Assert.Null(schedule.PeriodEndOnOrBefore(D("2030-01-01")));
    }

    [Fact]
    public void For_TermWithoutStart_TakesTheStartFromTheCommencement()
    {
        var partnership = WithTerm(new Term(null, TermEndKind.FixedDate, endDate: D("2026-03-31")));
        partnership.RecordCommencement(D("2024-04-01"), null, null);

        var schedule = partnership.Schedule;

        Assert.Equal(D("2024-04-01"), schedule.Start);
        Assert.Equal(D("2026-03-31"), schedule.CurrentEnd);
    }

    [Fact]
    public void For_UpToYearsWithoutStart_CountsFromTheCommencement()
    {
        // "Up to two years" from a commencement of 1 April 2024: 1 Apr 2026 less a day = 31 March 2026.
        var partnership = WithTerm(new Term(null, TermEndKind.UpToYears, upToYears: 2));
        partnership.RecordCommencement(D("2024-04-01"), null, null);

        Assert.Equal(D("2026-03-31"), partnership.Schedule.CurrentEnd);
        Assert.Equal(D("2026-03-31"), partnership.CurrentTermEnd);
        Assert.Equal(new DateRange(D("2024-04-01"), D("2026-03-31")), Assert.Single(partnership.Schedule.Periods).Dates);
    }

    [Fact]
    public void For_ExtensionsExercised_EachAddsItsLengthFromTheDayAfterTheEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 2, extensionMonths: 12));
        partnership.ExerciseExtension(D("2018-03-01"), 1, null, null);
        partnership.ExerciseExtension(D("2019-03-01"), 2, null, null);

        var schedule = partnership.Schedule;

        // 30 Jun 2018 + 1 day = 1 Jul 2018; + 12 months - 1 day = 30 Jun 2019; again = 30 Jun 2020.
        Assert.Equal(D("2020-06-30"), schedule.CurrentEnd);
        Assert.Equal(
        [
            new TermPeriod(TermPeriodKind.Initial, new DateRange(D("2013-07-01"), D("2018-06-30"))),
            new TermPeriod(TermPeriodKind.Extension, new DateRange(D("2018-07-01"), D("2019-06-30"))),
            new TermPeriod(TermPeriodKind.Extension, new DateRange(D("2019-07-01"), D("2020-06-30"))),
        ], schedule.Periods);
    }

    [Fact]
    public void For_ExtensionFromFebruaryEnd_RunsToTheLeapDay()
    {
        // Ends 28 Feb 2019; the extension starts 1 Mar 2019 and runs 12 months to the day before 1 Mar 2020: 29 Feb 2020.
        var partnership = WithTerm(Fixed("2018-03-01", "2019-02-28", extensionOptions: 1, extensionMonths: 12));
        partnership.ExerciseExtension(D("2019-01-01"), null, null, null);

        Assert.Equal(D("2020-02-29"), partnership.Schedule.CurrentEnd);
    }

    [Fact]
    public void For_VariationMovingTheEnd_ReplacesTheEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());
        partnership.Vary(D("2016-01-01"), D("2017-03-31"), "Ended early by agreement", null);

        var schedule = partnership.Schedule;

        Assert.Equal(D("2017-03-31"), schedule.CurrentEnd);
        Assert.Equal(new TermPeriod(TermPeriodKind.Varied, new DateRange(D("2013-07-01"), D("2017-03-31"))), schedule.Periods[^1]);
    }

    [Fact]
    public void For_VariationWithoutNewEnd_KeepsTheEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013());
        partnership.Vary(D("2016-01-01"), null, "Scope widened to include safeguarding", null);

        Assert.Equal(D("2018-06-30"), partnership.Schedule.CurrentEnd);
        Assert.Single(partnership.Schedule.Periods);
    }

    [Fact]
    public void For_ExtensionAfterAVariation_AddsToTheVariedEnd()
    {
        var partnership = WithTerm(UpToFiveYearsFromJuly2013(extensionOptions: 1, extensionMonths: 12));
        partnership.Vary(D("2016-01-01"), D("2017-03-31"), "Shortened", null);
        partnership.ExerciseExtension(D("2017-01-01"), null, null, null);

        // 1 Apr 2017 + 12 months - 1 day.
        Assert.Equal(D("2018-03-31"), partnership.Schedule.CurrentEnd);
    }

    [Fact]
    public void For_RenewingTerm_RenewsFromTheCurrentEnd()
    {
        var schedule = TermSchedule.For(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12), []);

        Assert.True(schedule.Renews);
        Assert.Equal(12, schedule.RenewalMonths);
        Assert.Equal(D("2025-03-31"), schedule.CurrentEnd);
    }

    [Theory]
    [InlineData("2024-04-01", "2025-03-31")]   // during the initial term: its end
    [InlineData("2024-06-01", "2025-03-31")]
    [InlineData("2025-03-31", "2025-03-31")]
    [InlineData("2025-04-01", "2026-03-31")]   // first renewal
    [InlineData("2026-03-31", "2026-03-31")]
    [InlineData("2026-04-01", "2027-03-31")]
    [InlineData("2030-01-01", "2030-03-31")]
    [InlineData("2040-03-31", "2040-03-31")]
    public void PeriodEndOnOrAfter_AnnualRenewal_GivesTheEndOfThePeriodRunning(string date, string expected)
    {
        var schedule = TermSchedule.For(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12), []);

        Assert.Equal(D(expected), schedule.PeriodEndOnOrAfter(D(date)));
    }

    [Theory]
    [InlineData("2024-06-01", null)]           // the current term has not ended by then
    [InlineData("2025-03-30", null)]
    [InlineData("2025-03-31", "2025-03-31")]
    [InlineData("2025-04-01", "2025-03-31")]
    [InlineData("2026-03-30", "2025-03-31")]
    [InlineData("2026-03-31", "2026-03-31")]
    [InlineData("2030-01-01", "2029-03-31")]
    public void PeriodEndOnOrBefore_AnnualRenewal_GivesTheLastPeriodEndByThen(string date, string? expected)
    {
        var schedule = TermSchedule.For(Fixed("2024-04-01", "2025-03-31", renewalMonths: 12), []);

        Assert.Equal(OptionalD(expected), schedule.PeriodEndOnOrBefore(D(date)));
    }

    // A term ending 30 Jan 2025 with 1-month renewals. Renewals start 31 Jan 2025 and each ends the day before the
    // corresponding day k months on; where that month has no 31st, on the month's last day:
    //   + 1 month: no 31 Feb → ends 28 Feb;  + 2 = 31 Mar → 30 Mar;  + 3: no 31 Apr → 30 Apr;  + 4 = 31 May → 30 May;
    //   + 12 = 31 Jan 2026 → 30 Jan 2026;  + 13: no 31 Feb → 28 Feb 2026.
    // Counted from the first renewal's start, not chained (chaining from 1 Mar would drift to ends on the 31st).
    [Theory]
    [InlineData("2025-01-30", "2025-01-30")]
    [InlineData("2025-01-31", "2025-02-28")]
    [InlineData("2025-02-27", "2025-02-28")]
    [InlineData("2025-02-28", "2025-02-28")]
    [InlineData("2025-03-01", "2025-03-30")]
    [InlineData("2025-03-30", "2025-03-30")]
    [InlineData("2025-03-31", "2025-04-30")]
    [InlineData("2025-04-30", "2025-04-30")]
    [InlineData("2025-05-01", "2025-05-30")]
    [InlineData("2026-01-15", "2026-01-30")]
    [InlineData("2026-02-01", "2026-02-28")]
    public void PeriodEndOnOrAfter_MonthlyRenewalFromThe31st_DoesNotDrift(string date, string expected)
    {
        var schedule = TermSchedule.For(Fixed("2024-10-31", "2025-01-30", renewalMonths: 1), []);

        Assert.Equal(D(expected), schedule.PeriodEndOnOrAfter(D(date)));
    }

    [Theory]
    [InlineData("2025-01-29", null)]
    [InlineData("2025-02-27", "2025-01-30")]
    [InlineData("2025-02-28", "2025-02-28")]
    [InlineData("2025-03-29", "2025-02-28")]
    [InlineData("2025-04-30", "2025-04-30")]
    [InlineData("2025-05-29", "2025-04-30")]
    public void PeriodEndOnOrBefore_MonthlyRenewalFromThe31st_UsesTheSameEnds(string date, string? expected)
    {
        var schedule = TermSchedule.For(Fixed("2024-10-31", "2025-01-30", renewalMonths: 1), []);

        Assert.Equal(OptionalD(expected), schedule.PeriodEndOnOrBefore(D(date)));
    }

    // Leap year: renewals start 31 Jan 2024. + 1 month: no 31 Feb → ends 29 Feb 2024; + 2 = 31 Mar → 30 Mar;
    // + 13: no 31 Feb 2025 → 28 Feb 2025.
    [Theory]
    [InlineData("2024-02-01", "2024-02-29")]
    [InlineData("2024-03-01", "2024-03-30")]
    [InlineData("2025-02-01", "2025-02-28")]
    public void PeriodEndOnOrAfter_MonthlyRenewalInALeapYear_EndsOnThe29th(string date, string expected)
    {
        var schedule = TermSchedule.For(Fixed("2023-10-31", "2024-01-30", renewalMonths: 1), []);

        Assert.Equal(D(expected), schedule.PeriodEndOnOrAfter(D(date)));
    }

    // A year from 1 Mar 2023 ends 29 Feb 2024; yearly renewals start 1 Mar 2024, so every period ends the last day of
    // February: 28 Feb 2025, 2026, 2027, then 29 Feb 2028.
    [Theory]
    [InlineData("2024-03-01", "2025-02-28")]
    [InlineData("2027-03-01", "2028-02-29")]
    [InlineData("2028-02-29", "2028-02-29")]
    [InlineData("2028-03-01", "2029-02-28")]
    public void PeriodEndOnOrAfter_AnnualRenewalEndingInFebruary_EndsOnTheLastDayOfFebruary(string date, string expected)
    {
        var schedule = TermSchedule.For(Fixed("2023-03-01", "2024-02-29", renewalMonths: 12), []);

        Assert.Equal(D(expected), schedule.PeriodEndOnOrAfter(D(date)));
    }

    [Fact]
    public void PeriodEndOnOrAfter_RenewingTermExtended_RenewsFromTheExtendedEnd()
    {
        // Current term 31 Mar 2025, extended 24 months to 31 Mar 2027; renewals then run a year at a time from 1 Apr 2027.
        var partnership = WithTerm(Fixed("2020-04-01", "2025-03-31", renewalMonths: 12, extensionOptions: 1, extensionMonths: 24));
        partnership.ExerciseExtension(D("2025-01-10"), 1, null, null);
        var schedule = partnership.Schedule;

        Assert.Equal(D("2027-03-31"), schedule.CurrentEnd);
        Assert.Equal(D("2027-03-31"), schedule.PeriodEndOnOrAfter(D("2025-04-01")));   // not 31 Mar 2026
        Assert.Equal(D("2028-03-31"), schedule.PeriodEndOnOrAfter(D("2027-04-01")));
        Assert.Null(schedule.PeriodEndOnOrBefore(D("2026-03-31")));
    }

    [Fact]
    public void PeriodEndOnOrAfter_NonRenewingTerm_IsTheEndEvenAfterIt()
    {
        var schedule = TermSchedule.For(Fixed("2024-04-01", "2025-03-31"), []);

        Assert.Equal(D("2025-03-31"), schedule.PeriodEndOnOrAfter(D("2024-05-01")));
        Assert.Equal(D("2025-03-31"), schedule.PeriodEndOnOrAfter(D("2026-05-01")));
        Assert.Null(schedule.PeriodEndOnOrBefore(D("2025-03-30")));
        Assert.Equal(D("2025-03-31"), schedule.PeriodEndOnOrBefore(D("2026-05-01")));
    }
}
