using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportsByYearStatusAndId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_Year_Status",
                table: "AnnualReports");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_Status_Id",
                table: "AnnualReports",
                columns: new[] { "Year", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_Year_Status_Id",
                table: "AnnualReports");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_Status",
                table: "AnnualReports",
                columns: new[] { "Year", "Status" });
        }
    }
}
