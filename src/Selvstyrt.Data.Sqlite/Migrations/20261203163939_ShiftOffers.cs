using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Selvstyrt.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ShiftOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShiftOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalateAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TakenBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftOffers_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShiftOffers_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShiftOfferRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssistantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Answered = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftOfferRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftOfferRecipients_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShiftOfferRecipients_ShiftOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "ShiftOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftOfferRecipients_AssistantId_Answered",
                table: "ShiftOfferRecipients",
                columns: new[] { "AssistantId", "Answered" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftOfferRecipients_OfferId",
                table: "ShiftOfferRecipients",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftOffers_ArrangementId_Date",
                table: "ShiftOffers",
                columns: new[] { "ArrangementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftOffers_DeviationId_State",
                table: "ShiftOffers",
                columns: new[] { "DeviationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftOffers_PlanId",
                table: "ShiftOffers",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftOffers_State_EscalateAt",
                table: "ShiftOffers",
                columns: new[] { "State", "EscalateAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShiftOfferRecipients");

            migrationBuilder.DropTable(
                name: "ShiftOffers");
        }
    }
}
