using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RiskAnalyses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RiskAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewOn = table.Column<LocalDate>(type: "date", nullable: false),
                    ApprovedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CopiedFrom = table.Column<Guid>(type: "uuid", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAnalyses_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAnalyses_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskHazards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Consequence = table.Column<int>(type: "integer", nullable: false),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "integer", nullable: true),
                    ResidualConsequence = table.Column<int>(type: "integer", nullable: true),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: true),
                    RiskAnalysisId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskHazards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskHazards_RiskAnalyses_RiskAnalysisId",
                        column: x => x.RiskAnalysisId,
                        principalTable: "RiskAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_ArrangementId",
                table: "RiskAnalyses",
                column: "ArrangementId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_OfficeId",
                table: "RiskAnalyses",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_ProviderId",
                table: "RiskAnalyses",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_ScopeId_Year",
                table: "RiskAnalyses",
                columns: new[] { "ScopeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskHazards_RiskAnalysisId",
                table: "RiskHazards",
                column: "RiskAnalysisId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskHazards");

            migrationBuilder.DropTable(
                name: "RiskAnalyses");
        }
    }
}
