using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Organisations",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankAccountName",
                table: "Organisations",
                type: "TEXT",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Postcode",
                table: "Organisations",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemittanceEmail",
                table: "Organisations",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SortCode",
                table: "Organisations",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VatRegistration",
                table: "Organisations",
                type: "TEXT",
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
