using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrainingPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssistantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompetenceKindId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: true),
                    Trainer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CancelledOn = table.Column<LocalDate>(type: "date", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingItems_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingItems_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingItems_CompetenceKinds_CompetenceKindId",
                        column: x => x.CompetenceKindId,
                        principalTable: "CompetenceKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingItems_ArrangementId_AssistantId",
                table: "TrainingItems",
                columns: new[] { "ArrangementId", "AssistantId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingItems_AssistantId",
                table: "TrainingItems",
                column: "AssistantId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingItems_CompetenceKindId",
                table: "TrainingItems",
                column: "CompetenceKindId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingItems");
        }
    }
}
