using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Selvstyrt.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkPlanEditor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DiscussedOn",
                table: "WorkPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "WorkPlans",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "WorkPlans",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PublishedVersion",
                table: "WorkPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "WorkPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PaidPauseMinutes",
                table: "PlanShifts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Passive",
                table: "PlanShifts",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "PlanShifts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    StartMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    LengthMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Assistants = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OtherAssistantId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShiftId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    LengthMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ShiftKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    LengthMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Passive = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PaidPauseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Staffing = table.Column<int>(type: "INTEGER", nullable: false),
                    Competences = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
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
