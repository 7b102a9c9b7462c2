namespace SharedServices.Domain.Recharging;

public enum RechargeScope
{
    Everything,
    Partnership,
    Provider,
}

public enum RechargeRunStatus
{
    Running,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>
/// One run of the recharge for a period and scope: who started it, when, and how it ended. While it runs it holds a
/// lock key (scope and period) that the database keeps unique, so the same run cannot be started twice at once; the
/// key is released when the run ends however it ends.
/// </summary>
public sealed class RechargeRun
{
    public const int MaxSummaryLength = 2000;

    private RechargeRun()
    {
        PeriodCode = StartedBy = null!;
    }

    /// <param name="organisationId">The organisation of the person who started it; null when the system did.</param>
    public RechargeRun(RechargePeriod period, RechargeScope scope, int? scopeId, string startedBy, DateTimeOffset startedAt, int? organisationId = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(startedBy);
        if (scope == RechargeScope.Everything != (scopeId is null))
            throw new DomainException(scope == RechargeScope.Everything
                ? "A run over everything has no partnership or provider."
                : $"Say which {(scope == RechargeScope.Partnership ? "partnership" : "provider")} to run.");
        PeriodCode = period.Code;
        PeriodFrom = period.Dates.Start;
        PeriodTo = period.Dates.End;
        Scope = scope;
        ScopeId = scopeId;
        StartedBy = startedBy.Trim();
        OrganisationId = organisationId;
        StartedAtUtc = startedAt.UtcDateTime;
        Status = RechargeRunStatus.Running;
        LockKey = LockKeyFor(period, scope, scopeId);
    }

    public int Id { get; private set; }
    public string PeriodCode { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public RechargeScope Scope { get; private set; }
    public int? ScopeId { get; private set; }
    public string StartedBy { get; private set; }

    /// <summary>Whose run it is: the organisation of the person who started it (null for the system). Only they see it.</summary>
    public int? OrganisationId { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public RechargeRunStatus Status { get; private set; }

    /// <summary>What the run did or why it stopped, in words.</summary>
    public string? Summary { get; private set; }

    /// <summary>Scope and period while running; null once finished.</summary>
    public string? LockKey { get; private set; }

    public RechargePeriod Period => RechargePeriod.Parse(PeriodCode);

    public static string LockKeyFor(RechargePeriod period, RechargeScope scope, int? scopeId) =>
        $"{scope}:{scopeId}:{period?.Code ?? throw new ArgumentNullException(nameof(period))}";

    public void Finish(RechargeRunStatus status, string summary, DateTimeOffset at)
    {
        if (status == RechargeRunStatus.Running) throw new ArgumentOutOfRangeException(nameof(status));
        if (Status != RechargeRunStatus.Running) throw new DomainException("This run has already finished.");
        Status = status;
        Summary = summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary;
        FinishedAtUtc = at.UtcDateTime;
        LockKey = null;
    }
}
