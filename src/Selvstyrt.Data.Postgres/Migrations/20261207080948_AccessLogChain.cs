using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Selvstyrt.Data.Postgres.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AccessLog",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AccessLog",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_ArrangementId_Sequence",
                table: "AccessLog",
                columns: new[] { "ArrangementId", "Sequence" },
                unique: true,
                filter: "\"Sequence\" > 0");

            // S3: a sealed row of the access log cannot be changed, and no row deleted or truncated, by anyone using the
            // app's database role, its owner included (ADR 0029). Grants for a separate app role: selvstyrt admin grant-app-role.
            migrationBuilder.Sql("""
                CREATE FUNCTION access_log_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                        RAISE EXCEPTION 'Rader i innsynsloggen kan ikke slettes.' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    IF OLD."Hash" <> '' THEN
                        RAISE EXCEPTION 'Innsynsloggen kan ikke endres: raden er forseglet.' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER access_log_sealed_rows BEFORE UPDATE OR DELETE ON \"AccessLog\" FOR EACH ROW EXECUTE FUNCTION access_log_sealed();");
            migrationBuilder.Sql("CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON \"AccessLog\" FOR EACH STATEMENT EXECUTE FUNCTION access_log_sealed();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER access_log_sealed_rows ON \"AccessLog\";");
            migrationBuilder.Sql("DROP TRIGGER access_log_no_truncate ON \"AccessLog\";");
            migrationBuilder.Sql("DROP FUNCTION access_log_sealed();");
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
