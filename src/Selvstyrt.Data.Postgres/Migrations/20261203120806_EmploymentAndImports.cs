using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmploymentAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "ConfirmedAt",
                table: "OtherEmployerHours",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConfirmedByUserId",
                table: "OtherEmployerHours",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "DeclaredAt",
                table: "OtherEmployerHours",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeclaredByUserId",
                table: "OtherEmployerHours",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "ProbationEnd",
                table: "Employments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemporaryBasis",
                table: "Employments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportDrafts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportDrafts_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assistants_ProviderId_EmployeeNumber",
                table: "Assistants",
                columns: new[] { "ProviderId", "EmployeeNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportDrafts_ProviderId",
                table: "ImportDrafts",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportDrafts_UserId_CreatedAt",
                table: "ImportDrafts",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportDrafts");

            migrationBuilder.DropIndex(
                name: "IX_Assistants_ProviderId_EmployeeNumber",
                table: "Assistants");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "OtherEmployerHours");

            migrationBuilder.DropColumn(
                name: "ConfirmedByUserId",
                table: "OtherEmployerHours");

            migrationBuilder.DropColumn(
                name: "DeclaredAt",
                table: "OtherEmployerHours");

            migrationBuilder.DropColumn(
                name: "DeclaredByUserId",
                table: "OtherEmployerHours");

            migrationBuilder.DropColumn(
                name: "ProbationEnd",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "TemporaryBasis",
                table: "Employments");
        }
    }
}
