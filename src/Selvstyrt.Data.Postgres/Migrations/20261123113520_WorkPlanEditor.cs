using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkPlanEditor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<LocalDate>(
                name: "DiscussedOn",
                table: "WorkPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "WorkPlans",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "WorkPlans",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PublishedVersion",
                table: "WorkPlans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "WorkPlans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PaidPauseMinutes",
                table: "PlanShifts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Passive",
                table: "PlanShifts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "PlanShifts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssistantId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoverageNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    StartMinute = table.Column<int>(type: "integer", nullable: false),
                    LengthMinutes = table.Column<int>(type: "integer", nullable: false),
                    Assistants = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverageNeeds_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingOverrides_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AssistantId = table.Column<Guid>(type: "uuid", nullable: true),
                    OtherAssistantId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanChanges_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanDeviations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<LocalDate>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShiftId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssistantId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartMinute = table.Column<int>(type: "integer", nullable: true),
                    LengthMinutes = table.Column<int>(type: "integer", nullable: true),
                    ShiftKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanDeviations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanDeviations_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanDeviations_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<LocalDate>(type: "date", nullable: false),
                    To = table.Column<LocalDate>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMarks_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShiftTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartMinute = table.Column<int>(type: "integer", nullable: false),
                    LengthMinutes = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Passive = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PaidPauseMinutes = table.Column<int>(type: "integer", nullable: false),
                    Staffing = table.Column<int>(type: "integer", nullable: false),
                    Competences = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftTemplates_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_ArrangementId_IdempotencyKey",
                table: "WorkPlans",
                columns: new[] { "ArrangementId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanShifts_TemplateId",
                table: "PlanShifts",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_AssistantId",
                table: "CalendarFeeds",
                column: "AssistantId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoverageNeeds_PlanId",
                table: "CoverageNeeds",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FindingOverrides_PlanId",
                table: "FindingOverrides",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanChanges_PlanId_At",
                table: "PlanChanges",
                columns: new[] { "PlanId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanDeviations_AssistantId",
                table: "PlanDeviations",
                column: "AssistantId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanDeviations_PlanId",
                table: "PlanDeviations",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMarks_PlanId",
                table: "PlanMarks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftTemplates_ArrangementId_IdempotencyKey",
                table: "ShiftTemplates",
                columns: new[] { "ArrangementId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PlanShifts_ShiftTemplates_TemplateId",
                table: "PlanShifts",
                column: "TemplateId",
                principalTable: "ShiftTemplates",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanShifts_ShiftTemplates_TemplateId",
                table: "PlanShifts");

            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "CoverageNeeds");

            migrationBuilder.DropTable(
                name: "FindingOverrides");

            migrationBuilder.DropTable(
                name: "PlanChanges");

            migrationBuilder.DropTable(
                name: "PlanDeviations");

            migrationBuilder.DropTable(
                name: "PlanMarks");

            migrationBuilder.DropTable(
                name: "ShiftTemplates");

            migrationBuilder.DropIndex(
                name: "IX_WorkPlans_ArrangementId_IdempotencyKey",
                table: "WorkPlans");

            migrationBuilder.DropIndex(
                name: "IX_PlanShifts_TemplateId",
                table: "PlanShifts");

            migrationBuilder.DropColumn(
                name: "DiscussedOn",
                table: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "PublishedVersion",
                table: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "PaidPauseMinutes",
                table: "PlanShifts");

            migrationBuilder.DropColumn(
                name: "Passive",
                table: "PlanShifts");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "PlanShifts");
        }
    }
}
