using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationInvoicingDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountNumber",
                table: "Organisations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Organisations",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankAccountName",
                table: "Organisations",
                type: "character varying(70)",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Postcode",
                table: "Organisations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemittanceEmail",
                table: "Organisations",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SortCode",
                table: "Organisations",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VatRegistration",
                table: "Organisations",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccountNumber",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "BankAccountName",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Postcode",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RemittanceEmail",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SortCode",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "VatRegistration",
                table: "Organisations");
        }
    }
}
