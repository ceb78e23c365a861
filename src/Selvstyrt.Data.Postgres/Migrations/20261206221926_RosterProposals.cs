using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RosterProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RosterProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seconds = table.Column<int>(type: "integer", nullable: false),
                    Weeks = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StopRequestedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Problem = table.Column<string>(type: "text", nullable: false),
                    Templates = table.Column<string>(type: "text", nullable: false),
                    BestObjective = table.Column<long>(type: "bigint", nullable: true),
                    BestBound = table.Column<long>(type: "bigint", nullable: true),
                    ElapsedSeconds = table.Column<double>(type: "double precision", nullable: false),
                    RunningOn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterProposals_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterProposals_PlanId",
                table: "RosterProposals",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterProposals_State",
                table: "RosterProposals",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RosterProposals");
        }
    }
}
