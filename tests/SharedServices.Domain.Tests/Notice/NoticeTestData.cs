using System.Reflection;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

/// <summary>
/// Builders for the notice, history and key-date tests. Organisation ids are plain ints: 1 provides, 2 receives,
/// 3 is not a party. Their Organisation navigations stay null, so names fall back to "a party".
/// </summary>
internal static class NoticeTestData
{
    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales(2000, 2040);

    public static Partnership NewPartnership(string code = "scc-iwc-education", string name = "Education support") =>
        new(code, name, PartnershipKind.TradedServices,
            [new PartnershipParty(1, PartyRole.Provider), new PartnershipParty(2, PartyRole.Recipient)]);

    public static Partnership WithTerm(Term term, params NoticePeriod[] notices)
    {
        var partnership = NewPartnership();
        partnership.SetTerm(term, notices);
        return partnership;
    }

    /// <summary>A term with a fixed last day.</summary>
    public static Term Fixed(string start, string end, TerminationFalls falls = TerminationFalls.AnyDay,
        int? minimumMonths = null, int? renewalMonths = null, int? extensionOptions = null, int? extensionMonths = null) =>
        new(D(start), TermEndKind.FixedDate, endDate: D(end), minimumTermMonths: minimumMonths, terminationFalls: falls,
            extensionOptions: extensionOptions, extensionMonths: extensionMonths, renewalMonths: renewalMonths);

    /// <summary>"From 1 July 2013, initially for a term of up to five years" (ends 30 June 2018).</summary>
    public static Term UpToFiveYearsFromJuly2013(int? extensionOptions = null, int? extensionMonths = null) =>
        new(D("2013-07-01"), TermEndKind.UpToYears, upToYears: 5, extensionOptions: extensionOptions, extensionMonths: extensionMonths);

    public static NoticePeriod MonthsNotice(int organisationId, int months) => new(organisationId, NoticeLength.Months(months), false, null);

    public static NoticePeriod UnstatedNotice(int organisationId) => new(organisationId, null, false, null);

    /// <summary>The exit rules for a term with no history.</summary>
    public static ExitRules Rules(Term term) => new(TermSchedule.For(term, []), term.MinimumTermEndDate, term.TerminationFalls);

    public static DecisionRecord Decision(string decided, string? published, bool? subjectToCallIn = true, int organisationId = 1,
        string? reference = "CAB 1") =>
        new(organisationId, "Cabinet", reference, D(decided), true, subjectToCallIn, "Approve the agreement.", OptionalD(published));

    /// <summary>Entities get their ids from the database; in these tests, by hand.</summary>
    public static T WithId<T>(T entity, int id) where T : class
    {
        typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);
        return entity;
    }

    /// <summary>Sets a navigation that EF Core would load (e.g. a decision's Organisation).</summary>
    public static void SetNavigation<T, TValue>(T entity, string property, TValue value) where T : class =>
        typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, value);
}
