namespace SharedServices.Core.Access;

/// <summary>
/// Who is asking the database for something: a signed-in person of one organisation, or the system itself (the
/// command line, start-up, seeding) which sees every organisation's data. Every context made by
/// <see cref="Persistence.SharedServicesDbContextFactory"/> carries one: its organisation scopes every query (see
/// <c>SharedServicesDbContext.Scope.cs</c>) and its name goes into the audit trail.
/// </summary>
/// <param name="Name">How the person is named in the audit trail and on what they save ("Jane Smith (jane@iow.gov.uk)").</param>
/// <param name="UserId">The signed-in account's id; null for the system and for nobody.</param>
/// <param name="OrganisationId">The person's organisation; null when the caller sees every organisation.</param>
/// <param name="SeesEverything">True only for the system. A person always has an organisation.</param>
public sealed record Caller(string Name, string? UserId, int? OrganisationId, bool SeesEverything)
{
    /// <summary>No one is signed in: sees no partnership and may change nothing. The safe answer when in doubt.</summary>
    public static readonly Caller Nobody = new("Nobody signed in", null, null, SeesEverything: false);

    /// <summary>The system acting on its own account ("Command line (jsmith)", "Start-up").</summary>
    public static Caller System(string name) => new(name, null, null, SeesEverything: true);

    /// <summary>A signed-in person, who sees only their own organisation's partnerships.</summary>
    public static Caller Person(string name, string userId, int organisationId) => new(name, userId, organisationId, SeesEverything: false);

    /// <summary>The organisation whose partnerships this caller may see; -1 (no organisation) for nobody.</summary>
    public int ScopeOrganisationId => OrganisationId ?? -1;
}
