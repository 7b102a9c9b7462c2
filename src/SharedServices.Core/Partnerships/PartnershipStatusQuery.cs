using System.Linq.Expressions;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>
/// <see cref="PartnershipStatusRule"/> written as a query the database can run, so the register can filter and
/// sort by status without loading every partnership. Tests hold the two to the same answers.
/// </summary>
public static class PartnershipStatusQuery
{
    public static Expression<Func<Partnership, PartnershipStatus>> On(DateOnly date) => p =>
        p.TerminatedOn != null && p.TerminatedOn < date ? PartnershipStatus.Terminated
        : p.NoticeExitOn != null && p.NoticeExitOn < date ? PartnershipStatus.Ended
        : p.StartedOn == null || date < p.StartedOn
            ? (p.StartedOn != null && p.Decisions.Any(d => d.DecisionDate <= date) ? PartnershipStatus.Approved : PartnershipStatus.Proposed)
        : p.NoticeServedOn != null && p.NoticeServedOn <= date ? PartnershipStatus.InNotice
        : (p.TerminatedOn == null || p.TerminatedOn > date) && !p.Renews && p.CurrentTermEnd != null && p.CurrentTermEnd < date ? PartnershipStatus.Ended
        : PartnershipStatus.Active;

    public static IQueryable<Partnership> WhereStatus(this IQueryable<Partnership> partnerships, PartnershipStatus status, DateOnly date)
    {
        var status_ = On(date);
        var test = Expression.Lambda<Func<Partnership, bool>>(
            Expression.Equal(status_.Body, Expression.Constant(status)), status_.Parameters);
        return partnerships.Where(test);
    }

    /// <summary>
    /// Live on <paramref name="date"/> (neither ended nor terminated) and with no end date: the partnerships a director
    /// cannot yet answer "when are we out?" for. The dashboard counts them and the register lists them all (?ends=none).
    /// </summary>
    public static IQueryable<Partnership> WhereLiveWithNoEndDate(this IQueryable<Partnership> partnerships, DateOnly date)
    {
        var status = On(date);
        var live = Expression.Lambda<Func<Partnership, bool>>(
            Expression.AndAlso(
                Expression.NotEqual(status.Body, Expression.Constant(PartnershipStatus.Ended)),
                Expression.NotEqual(status.Body, Expression.Constant(PartnershipStatus.Terminated))),
            status.Parameters);
        return partnerships.Where(p => p.EndsOn == null).Where(live);
    }
}
