using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeedRecordsAndTermLatestEnd : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "TermLatestEndDate",
                table: "Partnerships",
                type: "TEXT",
                nullable: true);

            // Terms saved before this column existed: work out their last day as Term does (whole years from the
            // start, less a day). SQLite does not clamp 29 February, so such a start would come out a day late.
            migrationBuilder.Sql("""
                UPDATE "Partnerships" SET "TermLatestEndDate" = "TermEndDate" WHERE "TermEndKind" = 'FixedDate';
                UPDATE "Partnerships" SET "TermLatestEndDate" = date("TermStartDate", '+' || "TermUpToYears" || ' years', '-1 day')
                    WHERE "TermEndKind" = 'UpToYears' AND "TermStartDate" IS NOT NULL;
                """);

            migrationBuilder.CreateTable(
                name: "SeedRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeedRecords", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeedRecords");

            migrationBuilder.DropColumn(
                name: "TermLatestEndDate",
                table: "Partnerships");
        }
    }
}
