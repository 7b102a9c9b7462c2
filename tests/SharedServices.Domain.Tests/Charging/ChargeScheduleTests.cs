using SharedServices.Domain.Charging;
using static SharedServices.Domain.Tests.Charging.ChargingTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Charging;

public class ChargeScheduleTests
{
    [Theory]
    [InlineData("2012-04-01", "2012-04-01")]   // the first day of the first version
    [InlineData("2013-03-31", "2012-04-01")]   // the day before the pay award: the old rate still applies
    [InlineData("2013-04-01", "2013-04-01")]   // the day the pay award takes effect
    [InlineData("2030-01-01", "2013-04-01")]   // the latest version runs on
    public void VersionOn_DateAroundBoundary_ReturnsVersionInForce(string date, string expectedFrom)
    {
        Assert.Equal(D(expectedFrom), EducationalPsychology().VersionOn(D(date))!.EffectiveFrom);
    }

    [Fact]
    public void VersionOn_BeforeFirstVersion_ReturnsNull()
    {
        Assert.Null(EducationalPsychology().VersionOn(D("2012-03-31")));
    }

    [Fact]
    public void RequireVersionOn_BeforeFirstVersion_SaysWhereScheduleStarts()
    {
        var error = Assert.Throws<DomainException>(() => EducationalPsychology().RequireVersionOn(D("2012-03-31")));
        Assert.Equal("No rate applies on 31 March 2012: the schedule of charges starts on 1 April 2012.", error.Message);
    }

    [Fact]
    public void VersionOn_AfterServiceEnds_ReturnsNullAndRequireSaysSo()
    {
        var schedule = new ChargeSchedule(1, D("2013-07-01"), D("2018-06-30"));
        schedule.AddVersion(new RateVersion(D("2013-07-01"), D("2013-06-01"), ChargingBasis.DayRate(Pounds("450"))));

        Assert.NotNull(schedule.VersionOn(D("2018-06-30")));
        Assert.Null(schedule.VersionOn(D("2018-07-01")));
        var error = Assert.Throws<DomainException>(() => schedule.RequireVersionOn(D("2018-07-01")));
        Assert.Equal("No rate applies on 1 July 2018: the service ended on 30 June 2018.", error.Message);
    }

    [Theory]
    [InlineData("2013-04-01", "2013-11-13", true)]    // pay award agreed in November, backdated to 1 April
    [InlineData("2013-04-01", "2013-04-02", true)]    // entered a day late
    [InlineData("2013-04-01", "2013-04-01", false)]   // entered on the day it starts
    [InlineData("2013-04-01", "2013-03-01", false)]   // entered ahead of time
    public void IsBackdated_EnteredAfterEffectiveFrom_IsTrue(string from, string entered, bool expected)
    {
        Assert.Equal(expected, new RateVersion(D(from), D(entered), ChargingBasis.DayRate(Pounds("450"))).IsBackdated);
    }

    [Theory]
    [InlineData("2013-10-31", "2013-04-01")]   // invoices to October were raised before the award was entered
    [InlineData("2013-11-12", "2013-04-01")]
    [InlineData("2013-11-13", null)]           // invoiced on the day it was entered: the award was known
    [InlineData("2013-03-31", null)]           // invoiced before the award takes effect: nothing to adjust
    public void BackdatedSince_InvoicedBeforeEntry_ListsBackdatedVersion(string invoicedOn, string? expectedFrom)
    {
        var backdated = EducationalPsychology().BackdatedSince(D(invoicedOn));

        Assert.Equal(expectedFrom is null ? [] : new[] { D(expectedFrom) }, backdated.Select(v => v.EffectiveFrom));
    }

    [Fact]
    public void AddVersion_BackdatedBetweenVersions_IsPlacedInDateOrder()
    {
        var schedule = EducationalPsychology();
        schedule.AddVersion(new RateVersion(D("2012-09-01"), D("2013-01-10"), ChargingBasis.DayRate(Pounds("455"))));

        Assert.Equal([D("2012-04-01"), D("2012-09-01"), D("2013-04-01")], schedule.Versions.Select(v => v.EffectiveFrom));
        Assert.Equal(Pounds("455"), schedule.VersionOn(D("2013-03-31"))!.Basis.Rate);
    }

    [Fact]
    public void AddVersion_SameStartDay_RefusesWithDate()
    {
        var schedule = EducationalPsychology();

        var error = Assert.Throws<DomainException>(() => schedule.AddVersion(
            new RateVersion(D("2013-04-01"), D("2013-12-01"), ChargingBasis.DayRate(Pounds("470")))));
        Assert.Equal("There is already a rate version starting on 1 April 2013: change that version instead of adding another.", error.Message);
        Assert.Equal(2, schedule.Versions.Count);
    }

    [Fact]
    public void AddVersion_BeforeServiceStarts_Refuses()
    {
        var schedule = new ChargeSchedule(1, D("2012-04-01"));

        var error = Assert.Throws<DomainException>(() => schedule.AddVersion(
            new RateVersion(D("2012-03-31"), D("2012-03-01"), ChargingBasis.DayRate(Pounds("450")))));
        Assert.Equal("A rate version cannot start on 31 March 2012, before the service starts on 1 April 2012.", error.Message);
        Assert.Empty(schedule.Versions);
    }

    [Fact]
    public void AddVersion_AfterServiceEnds_Refuses()
    {
        var schedule = new ChargeSchedule(1, D("2013-07-01"), D("2018-06-30"));

        var error = Assert.Throws<DomainException>(() => schedule.AddVersion(
            new RateVersion(D("2018-07-01"), D("2018-06-01"), ChargingBasis.DayRate(Pounds("450")))));
        Assert.Equal("A rate version cannot start on 1 July 2018, after the service ends on 30 June 2018.", error.Message);
    }

    [Fact]
    public void Constructor_ServiceEndsBeforeItStarts_Refuses()
    {
        Assert.Throws<DomainException>(() => new ChargeSchedule(1, D("2018-07-01"), D("2018-06-30")));
    }

    [Fact]
    public void ReplaceVersion_MistypedRate_ReplacesItInPlace()
    {
        var schedule = EducationalPsychology();

        schedule.ReplaceVersion(D("2013-04-01"), new RateVersion(D("2013-04-01"), D("2013-11-14"), ChargingBasis.DayRate(Pounds("463.05"))));

        Assert.Equal(Pounds("463.05"), schedule.VersionOn(D("2013-04-01"))!.Basis.Rate);
        Assert.Equal(2, schedule.Versions.Count);
    }

    [Fact]
    public void ReplaceVersion_MovedOntoAnotherVersionsDay_Refuses()
    {
        var schedule = EducationalPsychology();

        Assert.Throws<DomainException>(() => schedule.ReplaceVersion(D("2013-04-01"),
            new RateVersion(D("2012-04-01"), D("2013-11-14"), ChargingBasis.DayRate(Pounds("463.50")))));
        Assert.Equal(Pounds("463.50"), schedule.VersionOn(D("2013-04-01"))!.Basis.Rate);
    }

    [Fact]
    public void RemoveVersion_Existing_EarlierVersionAppliesAgain()
    {
        var schedule = EducationalPsychology();

        schedule.RemoveVersion(D("2013-04-01"));

        Assert.Equal(Pounds("450"), schedule.VersionOn(D("2013-04-01"))!.Basis.Rate);
    }

    [Fact]
    public void RemoveVersion_NoVersionThatDay_RefusesWithDate()
    {
        var error = Assert.Throws<DomainException>(() => EducationalPsychology().RemoveVersion(D("2013-05-01")));
        Assert.Equal("The schedule of charges has no version starting on 1 May 2013.", error.Message);
    }
}
