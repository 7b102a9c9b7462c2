using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SharedServices.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChargeSchedulesAndVat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChargeSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TradedServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceEnd = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargeSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargeSchedules_TradedServices_TradedServiceId",
                        column: x => x.TradedServiceId,
                        principalTable: "TradedServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceVatTreatments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Treatment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TradedServiceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceVatTreatments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceVatTreatments_TradedServices_TradedServiceId",
                        column: x => x.TradedServiceId,
                        principalTable: "TradedServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StandardVatRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardVatRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BasisKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BasisRate = table.Column<long>(type: "INTEGER", nullable: true),
                    BasisUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BasisInstalments = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    BasisSharePercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    BasisBudgetedEstimate = table.Column<long>(type: "INTEGER", nullable: true),
                    BasisOverheadPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    IndexationPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    IndexationAppliesOn = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CapPerFinancialYear = table.Column<long>(type: "INTEGER", nullable: true),
                    MinimumCharge = table.Column<long>(type: "INTEGER", nullable: true),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PaymentTermsDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargeScheduleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RateVersions_ChargeSchedules_ChargeScheduleId",
                        column: x => x.ChargeScheduleId,
                        principalTable: "ChargeSchedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "StandardVatRates",
                columns: new[] { "Id", "StartsOn", "Percent", "EndsOn" },
                values: new object[,]
                {
                    { 1, null, 17.5m, new DateOnly(2008, 11, 30) },
                    { 2, new DateOnly(2008, 12, 1), 15m, new DateOnly(2009, 12, 31) },
                    { 3, new DateOnly(2010, 1, 1), 17.5m, new DateOnly(2011, 1, 3) },
                    { 4, new DateOnly(2011, 1, 4), 20m, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChargeSchedules_TradedServiceId",
                table: "ChargeSchedules",
                column: "TradedServiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RateVersions_ChargeScheduleId_EffectiveFrom",
                table: "RateVersions",
                columns: new[] { "ChargeScheduleId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceVatTreatments_TradedServiceId_EffectiveFrom",
                table: "ServiceVatTreatments",
                columns: new[] { "TradedServiceId", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateVersions");

            migrationBuilder.DropTable(
                name: "ServiceVatTreatments");

            migrationBuilder.DropTable(
                name: "StandardVatRates");

            migrationBuilder.DropTable(
                name: "ChargeSchedules");
        }
    }
}
