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
    /// <summary>The person's roles (<see cref="Access.Roles"/>); the system holds every role.</summary>
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary>No one is signed in: sees no partnership and may change nothing. The safe answer when in doubt.</summary>
    public static readonly Caller Nobody = new("Nobody signed in", null, null, SeesEverything: false);

    /// <summary>The system acting on its own account ("Command line (jsmith)", "Start-up").</summary>
    public static Caller System(string name) => new(name, null, null, SeesEverything: true) { Roles = Access.Roles.All.ToHashSet() };

    /// <summary>A signed-in person, who sees only their own organisation's partnerships.</summary>
    public static Caller Person(string name, string userId, int organisationId, IEnumerable<string> roles) =>
        new(name, userId, organisationId, SeesEverything: false) { Roles = roles.ToHashSet() };

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>Whether this caller may act for <paramref name="organisationId"/>: the system for any, a person for their own.</summary>
    public bool ActsFor(int organisationId) => SeesEverything || OrganisationId == organisationId;

    /// <summary>The organisation whose partnerships this caller may see; -1 (no organisation) for nobody.</summary>
    public int ScopeOrganisationId => OrganisationId ?? -1;
}
