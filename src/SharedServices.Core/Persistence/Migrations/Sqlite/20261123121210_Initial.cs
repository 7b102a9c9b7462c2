using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServices.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GssCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TermStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TermEndKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TermEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TermUpToYears = table.Column<int>(type: "INTEGER", nullable: true),
                    TermMinimumMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    TermTerminationFalls = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TermNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TermSourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TermSourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PredecessorId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Partnerships_Partnerships_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionMaker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsKeyDecision = table.Column<bool>(type: "INTEGER", nullable: true),
                    SubjectToCallIn = table.Column<bool>(type: "INTEGER", nullable: true),
                    Resolved = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRecords_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionRecords_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceBodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceBodies_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticePeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: true),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticePeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticePeriods_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NoticePeriods_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipParties_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipParties_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TradedServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceParagraph = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradedServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TradedServices_Organisations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradedServices_Organisations_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradedServices_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_OrganisationId",
                table: "DecisionRecords",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_PartnershipId",
                table: "DecisionRecords",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceBodies_PartnershipId",
                table: "GovernanceBodies",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticePeriods_OrganisationId",
                table: "NoticePeriods",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticePeriods_PartnershipId",
                table: "NoticePeriods",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ShortCode",
                table: "Organisations",
                column: "ShortCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParties_OrganisationId",
                table: "PartnershipParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipParties_PartnershipId",
                table: "PartnershipParties",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_Code",
                table: "Partnerships",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_PredecessorId",
                table: "Partnerships",
                column: "PredecessorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradedServices_PartnershipId",
                table: "TradedServices",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_TradedServices_ProviderId",
                table: "TradedServices",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_TradedServices_RecipientId",
                table: "TradedServices",
                column: "RecipientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionRecords");

            migrationBuilder.DropTable(
                name: "GovernanceBodies");

            migrationBuilder.DropTable(
                name: "NoticePeriods");

            migrationBuilder.DropTable(
                name: "PartnershipParties");

            migrationBuilder.DropTable(
                name: "TradedServices");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Partnerships");
        }
    }
}
