using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignalWindowCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_AccountId_OccurredAt",
                table: "Signals");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Window",
                table: "Signals",
                columns: new[] { "AccountId", "OccurredAt", "Id", "Type", "Properties" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signals_Window",
                table: "Signals");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_AccountId_OccurredAt",
                table: "Signals",
                columns: new[] { "AccountId", "OccurredAt" });
        }
    }
}
