using Microsoft.EntityFrameworkCore;

namespace SharedServices.Core.Persistence;

public static class UniqueViolation
{
    /// <summary>
    /// Whether a save was refused by a unique index: SQLite says "UNIQUE constraint failed", PostgreSQL "duplicate key
    /// value violates unique constraint". Two people saving at once can both pass validation; the index has the last word.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) => IsUniqueViolation((Exception)ex);

    /// <summary>The same for a bulk write that bypasses EF Core (a prepared insert or a COPY), which throws the provider's own exception.</summary>
    public static bool IsUniqueViolation(this Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (ex is not (DbUpdateException or System.Data.Common.DbException)) return false;
        var message = ex.GetBaseException().Message;
        return message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase);
    }
}
