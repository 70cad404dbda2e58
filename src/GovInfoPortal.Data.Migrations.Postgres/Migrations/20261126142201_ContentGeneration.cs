using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovInfoPortal.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContentGeneration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentGenerations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentGenerations", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ContentGenerations",
                columns: new[] { "Id", "ChangedAt", "Stamp" },
                values: new object[] { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentGenerations");
        }
    }
}
