using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignalProcessing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProcessAttempts",
                table: "Signals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProcessError",
                table: "Signals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProcessedAt",
                table: "Signals",
                type: "TEXT",
                nullable: true);

            // Signals stored before this column existed were processed when they arrived: not a backlog.
            migrationBuilder.Sql("UPDATE \"Signals\" SET \"ProcessedAt\" = \"ReceivedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_ProcessedAt_ReceivedAt",
                table: "Signals",
                columns: new[] { "ProcessedAt", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_ProcessedAt_ReceivedAt",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "ProcessAttempts",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "ProcessError",
                table: "Signals");

            migrationBuilder.DropColumn(
                name: "ProcessedAt",
                table: "Signals");
        }
    }
}
