using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The full-text index of published reports (GovInfoPortal.Data.Search.ReportSearchIndex): a tsvector of the
    /// bigram tokens per report under a GIN index. Not part of the EF model.
    /// </summary>
    public partial class ReportSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""
                    CREATE TABLE "ReportSearch" (
                        "ReportId" integer NOT NULL PRIMARY KEY REFERENCES "AnnualReports" ("Id") ON DELETE CASCADE,
                        "Terms" tsvector NOT NULL);
                    CREATE INDEX "IX_ReportSearch_Terms" ON "ReportSearch" USING GIN ("Terms");
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""DROP TABLE IF EXISTS "ReportSearch";""");
            }
        }
    }
}
