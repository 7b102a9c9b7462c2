using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvoicePartiesAtIssue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProviderAccountNumber",
                table: "Invoices",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderAddress",
                table: "Invoices",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderBankAccountName",
                table: "Invoices",
                type: "character varying(70)",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderName",
                table: "Invoices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderPostcode",
                table: "Invoices",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderRemittanceEmail",
                table: "Invoices",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderShortCode",
                table: "Invoices",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderSortCode",
                table: "Invoices",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderVatRegistration",
                table: "Invoices",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientAddress",
                table: "Invoices",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientName",
                table: "Invoices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientPostcode",
                table: "Invoices",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientShortCode",
                table: "Invoices",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientVatRegistration",
                table: "Invoices",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            // Issued invoices keep their parties as sent: existing ones are filled in, and the database refuses changes to them.
            migrationBuilder.Sql(IssuedInvoiceTriggers.PostgresPartiesUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IssuedInvoiceTriggers.PostgresPartiesDown);

            migrationBuilder.DropColumn(
                name: "ProviderAccountNumber",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderAddress",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderBankAccountName",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderName",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderPostcode",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderRemittanceEmail",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderShortCode",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderSortCode",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProviderVatRegistration",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RecipientAddress",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RecipientName",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RecipientPostcode",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RecipientShortCode",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RecipientVatRegistration",
                table: "Invoices");
        }
    }
}
