using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishedVersionFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "ReportRevisions",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "AnnualReports",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRevisions_Fingerprint",
                table: "ReportRevisions",
                column: "Fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Fingerprint",
                table: "AnnualReports",
                column: "Fingerprint");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportRevisions_Fingerprint",
                table: "ReportRevisions");

            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_Fingerprint",
                table: "AnnualReports");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "ReportRevisions");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "AnnualReports");
        }
    }
}
