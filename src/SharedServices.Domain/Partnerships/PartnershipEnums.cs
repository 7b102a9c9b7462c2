namespace SharedServices.Domain.Partnerships;

/// <summary>The shape of the arrangement, as the committee papers describe it.</summary>
public enum PartnershipKind
{
    /// <summary>One council sells services to another under a schedule of charges.</summary>
    TradedServices,
    /// <summary>One council runs a whole function for another (e.g. under a Government Direction).</summary>
    StrategicPartnership,
    /// <summary>Councils share posts or teams, each remaining sovereign.</summary>
    SharedService,
    /// <summary>Councils and a private partner deliver together, usually selling to schools.</summary>
    JointVenture,
    /// <summary>Services bought back after a wider partnership has ended.</summary>
    BuyBackContract,
}

/// <summary>
/// Where an agreement stands on a given day. Never typed in: <see cref="Partnership.StatusOn"/> works it out from the
/// term, the decisions and the recorded history.
/// </summary>
public enum PartnershipStatus
{
    /// <summary>Being developed: no start date, and no decision yet to go ahead with one.</summary>
    Proposed,
    /// <summary>Decided on (possibly awaiting call-in) but not yet started.</summary>
    Approved,
    Active,
    /// <summary>A party has served notice; the agreement runs until its exit date.</summary>
    InNotice,
    /// <summary>Ran its term, or the notice served has taken effect.</summary>
    Ended,
    /// <summary>Brought to an end on a recorded date.</summary>
    Terminated,
}

/// <summary>The part an organisation plays in a partnership.</summary>
public enum PartyRole
{
    Provider,
    /// <summary>Receives and pays for services (the commissioner).</summary>
    Recipient,
    Partner,
    PrivatePartner,
    /// <summary>Buys services under the arrangement, e.g. schools buying school improvement.</summary>
    Buyer,
}

/// <summary>Whether the agreement says a termination must fall at the end of a particular period.</summary>
public enum TerminationFalls
{
    NotStated,
    AnyDay,
    MonthEnd,
    QuarterEnd,
    FinancialYearEnd,
    AcademicYearEnd,
}

/// <summary>How the end of a term is expressed in the agreement.</summary>
public enum TermEndKind
{
    NotStated,
    /// <summary>A known last day.</summary>
    FixedDate,
    /// <summary>"Initially for a term of up to five years".</summary>
    UpToYears,
    /// <summary>Runs until someone gives notice.</summary>
    OpenEnded,
}
