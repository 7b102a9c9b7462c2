using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderAddress",
                table: "Invoices",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderBankAccountName",
                table: "Invoices",
                type: "TEXT",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderName",
                table: "Invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderPostcode",
                table: "Invoices",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderRemittanceEmail",
                table: "Invoices",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderShortCode",
                table: "Invoices",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderSortCode",
                table: "Invoices",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderVatRegistration",
                table: "Invoices",
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientAddress",
                table: "Invoices",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientName",
                table: "Invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientPostcode",
                table: "Invoices",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientShortCode",
                table: "Invoices",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientVatRegistration",
                table: "Invoices",
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            // Issued invoices keep their parties as sent: existing ones are filled in, and the database refuses changes to them.
            migrationBuilder.Sql(IssuedInvoiceTriggers.SqlitePartiesUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The trigger as it was, and the columns dropped in place (see SqlitePartiesDown).
            migrationBuilder.Sql(IssuedInvoiceTriggers.SqlitePartiesDown);
        }
    }
}
