using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegisterSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The register's search indexes and the triggers that keep them in step (see RegisterSearchIndexes).
            migrationBuilder.Sql(RegisterSearchIndexes.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RegisterSearchIndexes.SqliteDown);
        }
    }
}
