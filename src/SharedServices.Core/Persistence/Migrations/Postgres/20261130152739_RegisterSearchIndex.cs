using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegisterSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The register's search indexes (see RegisterSearchIndexes).
            migrationBuilder.Sql(RegisterSearchIndexes.PostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RegisterSearchIndexes.PostgresDown);
        }
    }
}
