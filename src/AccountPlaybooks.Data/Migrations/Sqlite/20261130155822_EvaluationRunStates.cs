using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationRunStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvaluationRuns_StartedAt",
                table: "EvaluationRuns");

            migrationBuilder.AlterColumn<DateTime>(
                name: "StartedAt",
                table: "EvaluationRuns",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AddColumn<DateTime>(
                name: "RequestedAt",
                table: "EvaluationRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Requests",
                table: "EvaluationRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Runner",
                table: "EvaluationRuns",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            // Kept by hand (re-add it if this migration is re-created): earlier runs were requested when they started,
            // and runs a killed process left Running are interrupted — the one-running index below needs that.
            migrationBuilder.Sql("UPDATE \"EvaluationRuns\" SET \"RequestedAt\" = \"StartedAt\";");
            migrationBuilder.Sql("UPDATE \"EvaluationRuns\" SET \"Status\" = 'Interrupted', \"Error\" = 'left running by an earlier version' WHERE \"Status\" = 'Running';");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_OneQueued",
                table: "EvaluationRuns",
                column: "Status",
                unique: true,
                filter: "\"Status\" = 'Queued'");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_OneRunning",
                table: "EvaluationRuns",
                column: "Status",
                unique: true,
                filter: "\"Status\" = 'Running'");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_RequestedAt",
                table: "EvaluationRuns",
                column: "RequestedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvaluationRuns_OneQueued",
                table: "EvaluationRuns");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationRuns_OneRunning",
                table: "EvaluationRuns");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationRuns_RequestedAt",
                table: "EvaluationRuns");

            migrationBuilder.DropColumn(
                name: "RequestedAt",
                table: "EvaluationRuns");

            migrationBuilder.DropColumn(
                name: "Requests",
                table: "EvaluationRuns");

            migrationBuilder.DropColumn(
                name: "Runner",
                table: "EvaluationRuns");

            migrationBuilder.AlterColumn<DateTime>(
                name: "StartedAt",
                table: "EvaluationRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_StartedAt",
                table: "EvaluationRuns",
                column: "StartedAt");
        }
    }
}
