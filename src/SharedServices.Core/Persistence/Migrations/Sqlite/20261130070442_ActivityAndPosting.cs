using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityAndPosting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "ChargeSchedules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProviderCostCentre",
                table: "ChargeSchedules",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderLedgerCode",
                table: "ChargeSchedules",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PurchaseOrder",
                table: "ChargeSchedules",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientCostCentre",
                table: "ChargeSchedules",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientLedgerCode",
                table: "ChargeSchedules",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityImports_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TradedServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ActualCost = table.Column<long>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    BilledOnInvoice = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityEntries_ActivityImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ActivityImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ActivityEntries_TradedServices_TradedServiceId",
                        column: x => x.TradedServiceId,
                        principalTable: "TradedServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_ImportId",
                table: "ActivityEntries",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_TradedServiceId",
                table: "ActivityEntries",
                column: "TradedServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityImports_PartnershipId_ContentHash",
                table: "ActivityImports",
                columns: new[] { "PartnershipId", "ContentHash" },
                unique: true,
                filter: "\"UndoneAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityImports_PartnershipId_ImportedAtUtc",
                table: "ActivityImports",
                columns: new[] { "PartnershipId", "ImportedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityEntries");

            migrationBuilder.DropTable(
                name: "ActivityImports");

            migrationBuilder.DropColumn(
                name: "IsIllustrative",
                table: "ChargeSchedules");

            migrationBuilder.DropColumn(
                name: "ProviderCostCentre",
                table: "ChargeSchedules");

            migrationBuilder.DropColumn(
                name: "ProviderLedgerCode",
                table: "ChargeSchedules");

            migrationBuilder.DropColumn(
                name: "PurchaseOrder",
                table: "ChargeSchedules");

            migrationBuilder.DropColumn(
                name: "RecipientCostCentre",
                table: "ChargeSchedules");

            migrationBuilder.DropColumn(
                name: "RecipientLedgerCode",
                table: "ChargeSchedules");
        }
    }
}
