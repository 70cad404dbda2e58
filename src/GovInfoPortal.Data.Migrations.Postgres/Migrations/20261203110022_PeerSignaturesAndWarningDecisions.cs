using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeerSignaturesAndWarningDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PeerBoilerplateShingles",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Shingle = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerBoilerplateShingles", x => new { x.Year, x.Part, x.Shingle });
                });

            migrationBuilder.CreateTable(
                name: "PeerBoilerplateYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerBoilerplateYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "PeerSignatureBands",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Band = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Bucket = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerSignatureBands", x => new { x.ReportId, x.Part, x.Band });
                    table.ForeignKey(
                        name: "FK_PeerSignatureBands_AnnualReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerSignatureBands_Year_Part_Band_Bucket",
                table: "PeerSignatureBands",
                columns: new[] { "Year", "Part", "Band", "Bucket" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeerBoilerplateShingles");

            migrationBuilder.DropTable(
                name: "PeerBoilerplateYears");

            migrationBuilder.DropTable(
                name: "PeerSignatureBands");
        }
    }
}
