using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index of published reports (GovInfoPortal.Data.Search.ReportSearchIndex): an FTS5 table whose
    /// rowid is the report id and whose Name and Body columns hold the bigram tokens. Not part of the EF model.
    /// </summary>
    public partial class ReportSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""CREATE VIRTUAL TABLE "ReportSearch" USING fts5("Name", "Body");""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""DROP TABLE IF EXISTS "ReportSearch";""");
            }
        }
    }
}
