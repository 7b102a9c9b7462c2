using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LegalBasisAndStatusSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalBasisSourceDocument",
                table: "Partnerships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasisSourceParagraph",
                table: "Partnerships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusSourceDocument",
                table: "Partnerships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusSourceParagraph",
                table: "Partnerships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalBasisSourceDocument",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "LegalBasisSourceParagraph",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "StatusSourceDocument",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "StatusSourceParagraph",
                table: "Partnerships");
        }
    }
}
