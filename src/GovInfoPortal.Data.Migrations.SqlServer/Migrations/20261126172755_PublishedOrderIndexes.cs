using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublishedOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Published_ByDate",
                table: "AnnualReports",
                columns: new[] { "PublishedOn", "Id" },
                filter: "\"Status\" = 4 AND \"PublishedOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Published_ByYear",
                table: "AnnualReports",
                columns: new[] { "Year", "PublishedOn", "Id" },
                filter: "\"Status\" = 4 AND \"PublishedOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Published_Undated",
                table: "AnnualReports",
                columns: new[] { "Year", "Id" },
                filter: "\"Status\" = 4 AND \"PublishedOn\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_Published_ByDate",
                table: "AnnualReports");

            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_Published_ByYear",
                table: "AnnualReports");

            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_Published_Undated",
                table: "AnnualReports");
        }
    }
}
