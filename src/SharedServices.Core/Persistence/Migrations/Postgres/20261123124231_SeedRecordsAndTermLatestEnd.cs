using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Postgres
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
                type: "date",
                nullable: true);

            // Terms saved before this column existed: work out their last day as Term does.
            migrationBuilder.Sql("""
                UPDATE "Partnerships" SET "TermLatestEndDate" = "TermEndDate" WHERE "TermEndKind" = 'FixedDate';
                UPDATE "Partnerships" SET "TermLatestEndDate" = ("TermStartDate" + make_interval(years => "TermUpToYears") - interval '1 day')::date
                    WHERE "TermEndKind" = 'UpToYears' AND "TermStartDate" IS NOT NULL;
                """);

            migrationBuilder.CreateTable(
                name: "SeedRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
