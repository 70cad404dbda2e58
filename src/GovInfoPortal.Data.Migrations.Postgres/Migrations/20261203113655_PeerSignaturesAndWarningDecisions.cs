using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

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

            migrationBuilder.CreateTable(
                name: "WarningDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    CorrectionId = table.Column<int>(type: "integer", nullable: true),
                    FindingKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningDecisions_AnnualReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WarningDecisions_ReportCorrections_CorrectionId",
                        column: x => x.CorrectionId,
                        principalTable: "ReportCorrections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerSignatureBands_Year_Part_Band_Bucket",
                table: "PeerSignatureBands",
                columns: new[] { "Year", "Part", "Band", "Bucket" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningDecisions_CorrectionId",
                table: "WarningDecisions",
                column: "CorrectionId");

            migrationBuilder.CreateIndex(
                name: "IX_WarningDecisions_ReportId_DecidedAt",
                table: "WarningDecisions",
                columns: new[] { "ReportId", "DecidedAt" });
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

            migrationBuilder.DropTable(
                name: "WarningDecisions");
        }
    }
}
