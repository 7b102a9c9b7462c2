namespace SharedServices.Core.Access;

/// <summary>What a person may do. A person may hold more than one role; everyone signed in may read their organisation's data.</summary>
public static class Roles
{
    /// <summary>Manages the people of their own organisation and the reference data (bank holidays, VAT rates, organisations).</summary>
    public const string Administrator = "Administrator";

    /// <summary>Edits charge schedules and activity, runs recharges, issues invoices, records payments and credit notes.</summary>
    public const string FinanceOfficer = "Finance officer";

    /// <summary>Records decisions, notices and terminations, and keeps the partnerships' details.</summary>
    public const string Director = "Director";

    /// <summary>Reads only.</summary>
    public const string BoardMember = "Board member";

    public static readonly IReadOnlyList<string> All = [Administrator, FinanceOfficer, Director, BoardMember];
}
