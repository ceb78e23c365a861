using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Selvstyrt.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Hiring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Relation",
                table: "Assignments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelativeApprovalReference",
                table: "Assignments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelativeApprovedOn",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConfidentialityDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedOn = table.Column<string>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnPaper = table.Column<bool>(type: "INTEGER", nullable: false),
                    TextVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialityDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConfidentialityDeclarations_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmploymentContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmploymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Workplace = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Holiday = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Pay = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Pauses = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RotaAndOvertime = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Tariff = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PaidAbsence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Termination = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Training = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SocialSecurity = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EmployerSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmployerSignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EmployerSignedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssistantSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AssistantSignedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedOn = table.Column<string>(type: "TEXT", nullable: true),
                    ReplacedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    OnPaper = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmploymentContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmploymentContracts_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmploymentContracts_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PoliceCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmploymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShownOn = table.Column<string>(type: "TEXT", nullable: false),
                    WithRemarks = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemarksAssessedOn = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoliceCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoliceCertificates_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PoliceCertificates_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialityDeclarations_AssistantId",
                table: "ConfidentialityDeclarations",
                column: "AssistantId");

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentContracts_AssistantId",
                table: "EmploymentContracts",
                column: "AssistantId");

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentContracts_EmploymentId",
                table: "EmploymentContracts",
                column: "EmploymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PoliceCertificates_AssistantId",
                table: "PoliceCertificates",
                column: "AssistantId");

            migrationBuilder.CreateIndex(
                name: "IX_PoliceCertificates_EmploymentId",
                table: "PoliceCertificates",
                column: "EmploymentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConfidentialityDeclarations");

            migrationBuilder.DropTable(
                name: "EmploymentContracts");

            migrationBuilder.DropTable(
                name: "PoliceCertificates");

            migrationBuilder.DropColumn(
                name: "Relation",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RelativeApprovalReference",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RelativeApprovedOn",
                table: "Assignments");
        }
    }
}
