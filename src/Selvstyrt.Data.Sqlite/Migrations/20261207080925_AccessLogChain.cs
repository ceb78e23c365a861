using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Selvstyrt.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccessLogChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AccessLog",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AccessLog",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AccessLog",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_ArrangementId_Sequence",
                table: "AccessLog",
                columns: new[] { "ArrangementId", "Sequence" },
                unique: true,
                filter: "\"Sequence\" > 0");

            // S3: a sealed row of the access log cannot be changed, and no row deleted, by anyone using the app's database
            // (ADR 0029). A later migration that rebuilds this table must create these again.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccessLog_sealed_update" BEFORE UPDATE ON "AccessLog" WHEN OLD."Hash" <> ''
                BEGIN SELECT RAISE(ABORT, 'Innsynsloggen kan ikke endres: raden er forseglet.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccessLog_no_delete" BEFORE DELETE ON "AccessLog"
                BEGIN SELECT RAISE(ABORT, 'Rader i innsynsloggen kan ikke slettes.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AccessLog_sealed_update\";");
            migrationBuilder.Sql("DROP TRIGGER \"AccessLog_no_delete\";");
            migrationBuilder.DropIndex(
                name: "IX_AccessLog_ArrangementId_Sequence",
                table: "AccessLog");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AccessLog");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AccessLog");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AccessLog");
        }
    }
}
