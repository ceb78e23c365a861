using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Selvstyrt.Data.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompetenceKindId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<string>(type: "TEXT", nullable: true),
                    Trainer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DoneOn = table.Column<string>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CancelledOn = table.Column<string>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
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
