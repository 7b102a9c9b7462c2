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
            // start, less a day). SQLite rolls 29 February on to 1 March where .NET clamps it to 28 February,
            // so that case takes one more day off.
            migrationBuilder.Sql("""
                UPDATE "Partnerships" SET "TermLatestEndDate" = "TermEndDate" WHERE "TermEndKind" = 'FixedDate';
                UPDATE "Partnerships" SET "TermLatestEndDate" = CASE
                        WHEN strftime('%m-%d', "TermStartDate") = '02-29'
                             AND strftime('%m-%d', date("TermStartDate", '+' || "TermUpToYears" || ' years')) = '03-01'
                        THEN date("TermStartDate", '+' || "TermUpToYears" || ' years', '-2 days')
                        ELSE date("TermStartDate", '+' || "TermUpToYears" || ' years', '-1 day') END
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
