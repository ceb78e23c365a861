using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WhatHappened = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ImmediateAction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ReporterUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ResponsibleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Cause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EscalatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    EscalatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EscalationNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Evaluation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Incidents_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: false),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentMeasures_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Authority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NotifiedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NotRequiredReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentNotices_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentMeasures_IncidentId",
                table: "IncidentMeasures",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentNotices_IncidentId",
                table: "IncidentNotices",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ArrangementId_OccurredAt",
                table: "Incidents",
                columns: new[] { "ArrangementId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OfficeId_OccurredAt",
                table: "Incidents",
                columns: new[] { "OfficeId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ProviderId_OccurredAt",
                table: "Incidents",
                columns: new[] { "ProviderId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ReporterUserId",
                table: "Incidents",
                column: "ReporterUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentMeasures");

            migrationBuilder.DropTable(
                name: "IncidentNotices");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
