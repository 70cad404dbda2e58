using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A GIN index over the name tokens of the full-text index alone (the lexemes weighted A), so that a search
    /// counts the reports with a term in the name from that small index instead of re-checking every report whose
    /// text has the term (GovInfoPortal.Data.Search.ReportSearchIndex). Not part of the EF model.
    /// </summary>
    public partial class ReportSearchNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""
                    CREATE INDEX IF NOT EXISTS "IX_ReportSearch_NameTerms" ON "ReportSearch" USING GIN (ts_filter("Terms", '{a}'));
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_ReportSearch_NameTerms";""");
            }
        }
    }
}
