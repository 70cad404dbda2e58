using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Each report's terms in the full-text index gain the lexeme of its year (<c>'#2023'</c>, no position), so that a
    /// search of one year finds that year's matches in the GIN index (GovInfoPortal.Data.Search.ReportSearchIndex).
    /// The GIN indexes are dropped for the rewrite and built again once. Not part of the EF model.
    /// </summary>
    public partial class ReportSearchYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""
                    DROP INDEX IF EXISTS "IX_ReportSearch_NameTerms";
                    DROP INDEX IF EXISTS "IX_ReportSearch_Terms";
                    UPDATE "ReportSearch" s SET "Terms" = s."Terms" || ('''#' || r."Year" || '''')::tsvector
                        FROM "AnnualReports" r WHERE r."Id" = s."ReportId";
                    SET LOCAL maintenance_work_mem = '256MB';
                    CREATE INDEX "IX_ReportSearch_Terms" ON "ReportSearch" USING GIN ("Terms");
                    CREATE INDEX "IX_ReportSearch_NameTerms" ON "ReportSearch" USING GIN (ts_filter("Terms", '{a}'));
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""
                    UPDATE "ReportSearch" s SET "Terms" = ts_delete(s."Terms", '#' || r."Year")
                        FROM "AnnualReports" r WHERE r."Id" = s."ReportId";
                    """);
            }
        }
    }
}
