using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Selvstyrt.Data.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewOn = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedOn = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CopiedFrom = table.Column<Guid>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Likelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    Consequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualConsequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<string>(type: "TEXT", nullable: true),
                    RiskAnalysisId = table.Column<Guid>(type: "TEXT", nullable: false)
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
