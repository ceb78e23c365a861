using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QualityPart2to6 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Audits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Criteria = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PlannedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Lead = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConductedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ClosedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Audits_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Audits_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HandbookDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Section = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WithdrawnOn = table.Column<LocalDate>(type: "date", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: true),
                    QuestionKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: false),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WheelTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Why = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Page = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WheelTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WheelTasks_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WheelTasks_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkplaceMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    SignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Participants = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkplaceMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkplaceMappings_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkplaceMappings_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Requirement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditFindings_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HandbookVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PublishedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HandbookDocumentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandbookVersions_HandbookDocuments_HandbookDocumentId",
                        column: x => x.HandbookDocumentId,
                        principalTable: "HandbookDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReadConfirmations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfirmedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadConfirmations_HandbookDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "HandbookDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Area = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Measure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: true),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true),
                    WorkplaceMappingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingItems_WorkplaceMappings_WorkplaceMappingId",
                        column: x => x.WorkplaceMappingId,
                        principalTable: "WorkplaceMappings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditFindingMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: false),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true),
                    AuditFindingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditFindingMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditFindingMeasures_AuditFindings_AuditFindingId",
                        column: x => x.AuditFindingId,
                        principalTable: "AuditFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditFindingMeasures_AuditFindingId",
                table: "AuditFindingMeasures",
                column: "AuditFindingId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditFindings_AuditId",
                table: "AuditFindings",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_ArrangementId",
                table: "Audits",
                column: "ArrangementId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_OfficeId",
                table: "Audits",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_ProviderId_PlannedOn",
                table: "Audits",
                columns: new[] { "ProviderId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HandbookDocuments_ProviderId",
                table: "HandbookDocuments",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_HandbookVersions_HandbookDocumentId",
                table: "HandbookVersions",
                column: "HandbookDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingItems_WorkplaceMappingId",
                table: "MappingItems",
                column: "WorkplaceMappingId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_OfficeId",
                table: "PlanMeasures",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_ProviderId_DueOn",
                table: "PlanMeasures",
                columns: new[] { "ProviderId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_SurveyId",
                table: "PlanMeasures",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadConfirmations_DocumentId_VersionNumber_UserId",
                table: "ReadConfirmations",
                columns: new[] { "DocumentId", "VersionNumber", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReadConfirmations_UserId",
                table: "ReadConfirmations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WheelTasks_ArrangementId_Year",
                table: "WheelTasks",
                columns: new[] { "ArrangementId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_WheelTasks_DoneOn_DueOn",
                table: "WheelTasks",
                columns: new[] { "DoneOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WheelTasks_OfficeId_Year",
                table: "WheelTasks",
                columns: new[] { "OfficeId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkplaceMappings_ArrangementId_Year",
                table: "WorkplaceMappings",
                columns: new[] { "ArrangementId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkplaceMappings_OfficeId",
                table: "WorkplaceMappings",
                column: "OfficeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditFindingMeasures");

            migrationBuilder.DropTable(
                name: "HandbookVersions");

            migrationBuilder.DropTable(
                name: "MappingItems");

            migrationBuilder.DropTable(
                name: "PlanMeasures");

            migrationBuilder.DropTable(
                name: "ReadConfirmations");

            migrationBuilder.DropTable(
                name: "WheelTasks");

            migrationBuilder.DropTable(
                name: "AuditFindings");

            migrationBuilder.DropTable(
                name: "WorkplaceMappings");

            migrationBuilder.DropTable(
                name: "HandbookDocuments");

            migrationBuilder.DropTable(
                name: "Audits");
        }
    }
}
