using FsCheck.Xunit;
using SharedServices.Domain.KeyDates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Tests.Notice;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;

namespace SharedServices.Domain.Tests.KeyDates;

[Properties(Arbitrary = [typeof(NoticeScenarios)], MaxTest = 1000)]
public class KeyDateFinderProperties
{
    /// <summary>
    /// For a renewing agreement and a window of up to a year, the period ends and latest notice dates found are
    /// exactly those worked out one period end at a time with <see cref="NoticeCalculator.LatestNoticeDate"/>.
    /// </summary>
    [Property]
    public void For_RenewingAgreement_FindsEveryPeriodEndAndLatestNoticeDateInTheWindow(NoticeScenario s)
    {
        if (s.TermMonths is null || s.RenewalMonths is null) return;
        var partnership = WithTerm(s.Term, new NoticePeriod(1, s.Notice, false, null));
        var from = s.Day;
        var to = from.AddDays(s.OtherDay.DayNumber % 366);

        var expected = new List<(DateOnly, KeyDateKind)>();
        var schedule = partnership.Schedule;
        for (var end = schedule.CurrentEnd!.Value; end <= to.AddYears(3); end = schedule.PeriodEndOnOrAfter(end.AddDays(1))!.Value)
        {
            if (end >= from && end <= to) expected.Add((end, KeyDateKind.EndOfTerm));
            if (NoticeCalculator.LatestNoticeDate(partnership.ExitRules, s.Notice, end).LatestServiceDate is { } latest && latest >= from && latest <= to)
                expected.Add((latest, KeyDateKind.LatestNoticeDate));
        }

        var found = KeyDateFinder.For(partnership, from, to, Calendar)
            .Where(d => d.Kind is KeyDateKind.EndOfTerm or KeyDateKind.LatestNoticeDate)
            .Select(d => (d.Date, d.Kind));

        Assert.Equal(expected.Order(), found.Order());
    }
}
