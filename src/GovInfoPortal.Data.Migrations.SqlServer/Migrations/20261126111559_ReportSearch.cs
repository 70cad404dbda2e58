using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The full-text index of published reports exists on SQLite and PostgreSQL only; SQL Server searches with LIKE.
    /// The migration keeps the three providers' histories alike.
    /// </summary>
    public partial class ReportSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQL Server searches with LIKE (GovInfoPortal.Data.Search.ReportSearchQuery): there is no index table.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: SQL Server has no search index table.
        }
    }
}
