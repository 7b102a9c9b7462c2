using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyDatesAndHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {



            migrationBuilder.RenameColumn(
                name: "EndedOn",
                table: "Partnerships",
                newName: "TerminatedOn");

            migrationBuilder.RenameColumn(
                name: "Months",
                table: "NoticePeriods",
                newName: "Amount");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CurrentTermEnd",
                table: "Partnerships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "Partnerships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NoticeExitOn",
                table: "Partnerships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NoticeServedOn",
                table: "Partnerships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Renews",
                table: "Partnerships",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartedOn",
                table: "Partnerships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TermExtensionMonths",
                table: "Partnerships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TermExtensionOptions",
                table: "Partnerships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TermRenewalMonths",
                table: "Partnerships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CallInWorkingDays",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "NoticePeriods",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Months");

            migrationBuilder.CreateTable(
                name: "BankHolidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "BankHolidayYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidayYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    NewEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitOverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipEvents_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipEvents_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_EndsOn",
                table: "Partnerships",
                column: "EndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_PartnershipId",
                table: "Milestones",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipEvents_OrganisationId",
                table: "PartnershipEvents",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipEvents_PartnershipId",
                table: "PartnershipEvents",
                column: "PartnershipId");

            // Before the status columns go: an end date recorded by hand becomes a termination in the history,
            // with the status source as its source, and the stored dates are worked out as the app now does.
            // Terms now follow the corresponding-date rule: "up to N years" from 29 February ends on 28 February, not 27.
            migrationBuilder.Sql("""
                UPDATE "Partnerships" SET "TermLatestEndDate" = date("TermLatestEndDate", '+1 day')
                WHERE "TermEndKind" = 'UpToYears' AND strftime('%m-%d', "TermStartDate") = '02-29' AND strftime('%m-%d', "TermLatestEndDate") = '02-27';
                """);

            migrationBuilder.Sql("""
                INSERT INTO "PartnershipEvents" ("PartnershipId", "Kind", "Date", "Description", "SourceDocument", "SourceParagraph")
                SELECT "Id", 'Terminated', "TerminatedOn", 'Recorded as ended on this day before the history was kept.',
                       "StatusSourceDocument", "StatusSourceParagraph"
                FROM "Partnerships" WHERE "TerminatedOn" IS NOT NULL;
                UPDATE "Partnerships" SET "StartedOn" = "TermStartDate", "CurrentTermEnd" = "TermLatestEndDate",
                       "EndsOn" = COALESCE("TerminatedOn", "TermLatestEndDate");
                """);

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "StatusSourceDocument",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "StatusSourceParagraph",
                table: "Partnerships");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankHolidays");

            migrationBuilder.DropTable(
                name: "BankHolidayYears");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "PartnershipEvents");

            migrationBuilder.DropIndex(
                name: "IX_Partnerships_EndsOn",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "CurrentTermEnd",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "EndsOn",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "NoticeExitOn",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "NoticeServedOn",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "Renews",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "StartedOn",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "TermExtensionMonths",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "TermExtensionOptions",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "TermRenewalMonths",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "CallInWorkingDays",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "NoticePeriods");

            migrationBuilder.RenameColumn(
                name: "TerminatedOn",
                table: "Partnerships",
                newName: "EndedOn");

            migrationBuilder.RenameColumn(
                name: "Amount",
                table: "NoticePeriods",
                newName: "Months");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StatusSourceDocument",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusSourceParagraph",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }
    }
}
