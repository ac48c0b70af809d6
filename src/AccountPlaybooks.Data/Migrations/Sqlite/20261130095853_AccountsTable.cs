using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignalAt",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            // Accounts that already have signals: their newest one, as the signal ingestor keeps it from now on.
            migrationBuilder.Sql("""
                UPDATE "Accounts" SET "LastSignalAt" =
                    (SELECT MAX("OccurredAt") FROM "Signals" WHERE "Signals"."AccountId" = "Accounts"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AccountScores_Composite_AccountId",
                table: "AccountScores",
                columns: new[] { "Composite", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_LastSignalAt",
                table: "Accounts",
                column: "LastSignalAt");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Name_Id",
                table: "Accounts",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Segment",
                table: "Accounts",
                column: "Segment");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccountScores_Composite_AccountId",
                table: "AccountScores");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_LastSignalAt",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Name_Id",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_Segment",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "LastSignalAt",
                table: "Accounts");
        }
    }
}
