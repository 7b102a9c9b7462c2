using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Partnerships;

/// <summary>
/// The register's search. What it finds: every partnership whose name, one of whose parties' names, or one of whose
/// services' names contains the term anywhere, ignoring case, or one of whose parties has the term as its short code
/// (IWC, whole code only). The term is taken literally: %, _ and quotes are just characters.
/// <para>
/// How: terms of three characters or more are looked up in the name indexes (<see cref="RegisterSearchIndexes"/>):
/// FTS5 trigram tables on SQLite, pg_trgm GIN indexes on PostgreSQL. A trigram index cannot serve a shorter term, so
/// one or two characters are compared row by row as before; they find the same partnerships, just without an index
/// (and a two-letter term matches much of the register anyway).
/// </para>
/// <para>
/// The lookup yields partnership ids only, and the register composes them with <c>db.Partnerships</c>, whose query
/// filter scopes them to the caller's council: an id from another council's partnership is simply not there.
/// </para>
/// One difference from the old row-by-row search on SQLite: its lower() folded only A–Z, while FTS5 folds case
/// in other letters too, so "émile" now finds "Émile" (PostgreSQL's ILIKE folds as its locale does, as lower() did).
/// </summary>
internal static class RegisterSearch
{
    /// <summary>The shortest term a trigram index can look up.</summary>
    public const int IndexedLength = 3;

    public static IQueryable<Partnership> Matching(this IQueryable<Partnership> partnerships, SharedServicesDbContext db, string search)
    {
        var term = search.Trim();
        var lower = term.ToLowerInvariant();
        if (term.Length < IndexedLength)
            return partnerships.Where(p =>
                p.Name.ToLower().Contains(lower) ||
                p.Parties.Any(party => party.Organisation!.Name.ToLower().Contains(lower) || party.Organisation.ShortCode.ToLower() == lower) ||
                p.Services.Any(s => s.Name.ToLower().Contains(lower)));

        var ids = db.Database.IsNpgsql() ? PostgresIds(db, term, lower) : SqliteIds(db, term, lower);
        return partnerships.Where(p => ids.Contains(p.Id));
    }

    /// <summary>
    /// A quoted FTS5 phrase: inside double quotes every character is literal except the quote itself, written twice.
    /// The trigram tokenizer turns the phrase into consecutive trigrams, which match exactly where the term is a
    /// substring.
    /// </summary>
    private static IQueryable<int> SqliteIds(SharedServicesDbContext db, string term, string lower)
    {
        var phrase = "\"" + term.Replace("\"", "\"\"") + "\"";
        return db.Database.SqlQuery<int>($"""
            SELECT rowid AS "Value" FROM "PartnershipNameSearch" WHERE "PartnershipNameSearch" MATCH {phrase}
            UNION
            SELECT party."PartnershipId" FROM "PartnershipParties" AS party
            WHERE party."OrganisationId" IN (
              SELECT rowid FROM "OrganisationNameSearch" WHERE "OrganisationNameSearch" MATCH {phrase}
              UNION
              SELECT "Id" FROM "Organisations" WHERE lower("ShortCode") = {lower})
            UNION
            SELECT service."PartnershipId" FROM "TradedServices" AS service
            WHERE service."Id" IN (SELECT rowid FROM "ServiceNameSearch" WHERE "ServiceNameSearch" MATCH {phrase})
            """);
    }

    /// <summary>ILIKE '%term%' with the term's own %, _ and \ escaped (backslash is ILIKE's escape by default).</summary>
    private static IQueryable<int> PostgresIds(SharedServicesDbContext db, string term, string lower)
    {
        var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return db.Database.SqlQuery<int>($"""
            SELECT "Id" AS "Value" FROM "Partnerships" WHERE "Name" ILIKE {pattern}
            UNION
            SELECT party."PartnershipId" FROM "PartnershipParties" AS party
            WHERE party."OrganisationId" IN (
              SELECT "Id" FROM "Organisations" WHERE "Name" ILIKE {pattern} OR lower("ShortCode") = {lower})
            UNION
            SELECT "PartnershipId" FROM "TradedServices" WHERE "Name" ILIKE {pattern}
            """);
    }
}
