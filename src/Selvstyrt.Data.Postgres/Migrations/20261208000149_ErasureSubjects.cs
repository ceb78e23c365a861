using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ErasureSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<LocalDate>(
                name: "RestrictedOn",
                table: "Recipients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecipientId",
                table: "ErasureRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "ErasureRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "RestrictedOn",
                table: "Arrangements",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRequests_RecipientId",
                table: "ErasureRequests",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRequests_UserId",
                table: "ErasureRequests",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ErasureRequests_RecipientId",
                table: "ErasureRequests");

            migrationBuilder.DropIndex(
                name: "IX_ErasureRequests_UserId",
                table: "ErasureRequests");

            migrationBuilder.DropColumn(
                name: "RestrictedOn",
                table: "Recipients");

            migrationBuilder.DropColumn(
                name: "RecipientId",
                table: "ErasureRequests");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "ErasureRequests");

            migrationBuilder.DropColumn(
                name: "RestrictedOn",
                table: "Arrangements");
        }
    }
}
