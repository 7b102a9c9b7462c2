using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoredKeyDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeyDateDerivations",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    DerivedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    CoversUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyDateDerivations", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_KeyDateDerivations_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoredKeyDates",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnershipCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PartnershipName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    What = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IfNothingIsDone = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredKeyDates", x => new { x.PartnershipId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_StoredKeyDates_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeyDateDerivations_DerivedFor",
                table: "KeyDateDerivations",
                column: "DerivedFor");

            migrationBuilder.CreateIndex(
                name: "IX_StoredKeyDates_Date",
                table: "StoredKeyDates",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyDateDerivations");

            migrationBuilder.DropTable(
                name: "StoredKeyDates");
        }
    }
}
