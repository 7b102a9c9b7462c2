using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Partnerships;

/// <summary>
/// Builders for partnership tests. Organisation ids are plain ints:
/// 1 Southampton (provider), 2 Isle of Wight (recipient), 3 Hampshire.
/// </summary>
internal static class TestPartnerships
{
    /// <summary>The first id provides, the rest receive.</summary>
    public static PartnershipParty[] Parties(params int[] ids) =>
        ids.Select((id, i) => new PartnershipParty(id, i == 0 ? PartyRole.Provider : PartyRole.Recipient)).ToArray();

    public static Partnership WithParties(params int[] ids) =>
        new("scc-iwc-education", "Education support", PartnershipKind.TradedServices, Parties(ids));

    public static Partnership SccIwc(string code = "scc-iwc-education") =>
        new(code, " Education support ", PartnershipKind.TradedServices, Parties(1, 2));

    /// <summary>"From 1 July 2013, initially for a term of up to five years."</summary>
    public static Term FiveYearsFromJuly2013 => new(D("2013-07-01"), TermEndKind.UpToYears, upToYears: 5);

    public static TradedService Psychology(int providerId = 1, int recipientId = 2) =>
        new("Educational psychology", providerId, recipientId);

    // Not "Notice": that name is the SharedServices.Domain.Notice namespace.
    public static NoticePeriod SixMonthsNotice(int organisationId) => new(organisationId, NoticeLength.Months(6), false, null);

    /// <summary>Records the partnership as terminated, <paramref name="lastDay"/> being its last day.</summary>
    public static void End(Partnership partnership, string lastDay) => partnership.Terminate(D(lastDay), null, null);
}
