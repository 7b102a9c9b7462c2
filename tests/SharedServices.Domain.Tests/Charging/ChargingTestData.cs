using System.Globalization;
using SharedServices.Domain.Charging;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Charging;

using Money = SharedServices.Domain.Money.Money;

/// <summary>Builders for charge schedules; amounts are written in pounds as strings so rows read like an invoice.</summary>
internal static class ChargingTestData
{
    public static Money Pounds(string pounds) => Money.FromPounds(decimal.Parse(pounds, CultureInfo.InvariantCulture));

    public static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A schedule holding one version of <paramref name="basis"/> from <paramref name="from"/>, entered the month before.</summary>
    public static ChargeSchedule OneVersion(string from, ChargingBasis basis, Indexation? indexation = null,
        string? cap = null, string? minimum = null)
    {
        var schedule = new ChargeSchedule(1, D(from));
        schedule.AddVersion(new RateVersion(D(from), D(from).AddMonths(-1), basis, indexation,
            cap is null ? null : Pounds(cap), minimum is null ? null : Pounds(minimum)));
        return schedule;
    }

    /// <summary>
    /// Southampton's educational psychology (illustrative): £450.00 a day from 1 April 2012, entered 1 March 2012;
    /// a 3% pay award to £463.50 a day from 1 April 2013, agreed and entered on 13 November 2013 (backdated).
    /// </summary>
    public static ChargeSchedule EducationalPsychology()
    {
        var schedule = new ChargeSchedule(1, D("2012-04-01"));
        schedule.AddVersion(new RateVersion(D("2012-04-01"), D("2012-03-01"), ChargingBasis.DayRate(Pounds("450"))));
        schedule.AddVersion(new RateVersion(D("2013-04-01"), D("2013-11-13"), ChargingBasis.DayRate(Pounds("463.50"))));
        return schedule;
    }
}
