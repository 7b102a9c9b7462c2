using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActivityListsOnLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftSlot",
                table: "Invoices",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "ActivityIds",
                table: "InvoiceLines",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.AddColumn<int>(
                name: "ActivityRevisions",
                table: "InvoiceLines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BilledOnLineId",
                table: "ActivityEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_DraftSlot",
                table: "Invoices",
                column: "DraftSlot",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_BilledOnLineId",
                table: "ActivityEntries",
                column: "BilledOnLineId");

            migrationBuilder.Sql(IssuedInvoiceTriggers.PostgresMoveLinksIntoLists);

            migrationBuilder.DropTable(
                name: "InvoiceLineActivity");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invoices_DraftSlot",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_BilledOnLineId",
                table: "ActivityEntries");

            migrationBuilder.DropColumn(
                name: "DraftSlot",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ActivityIds",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "ActivityRevisions",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "BilledOnLineId",
                table: "ActivityEntries");

            migrationBuilder.CreateTable(
                name: "InvoiceLineActivity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityEntryId = table.Column<int>(type: "integer", nullable: false),
                    InvoiceLineId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceLineActivity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceLineActivity_ActivityEntries_ActivityEntryId",
                        column: x => x.ActivityEntryId,
                        principalTable: "ActivityEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvoiceLineActivity_InvoiceLines_InvoiceLineId",
                        column: x => x.InvoiceLineId,
                        principalTable: "InvoiceLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLineActivity_ActivityEntryId",
                table: "InvoiceLineActivity",
                column: "ActivityEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLineActivity_InvoiceLineId",
                table: "InvoiceLineActivity",
                column: "InvoiceLineId");
        }
    }
}
