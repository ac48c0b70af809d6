using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Tasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AssignmentWeight",
                table: "Reps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "PairRepId",
                table: "Reps",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OwnerAssignedAt",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerReason",
                table: "Accounts",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Webhook = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeadLetteredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PlaybookId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PlaybookVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    AssigneeRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssigneeRepId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Outcomes = table.Column<string>(type: "TEXT", nullable: false),
                    SignalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EscalatedFromId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SlaDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaWarnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaWarnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaBreachedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SnoozedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tasks_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DeliveredAt_DeadLetteredAt_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "DeliveredAt", "DeadLetteredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AccountId",
                table: "Tasks",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssigneeRepId_Status",
                table: "Tasks",
                columns: new[] { "AssigneeRepId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InstanceId_Status",
                table: "Tasks",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Queue_Status",
                table: "Tasks",
                columns: new[] { "Queue", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SlaDueAt",
                table: "Tasks",
                column: "SlaDueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropColumn(
                name: "AssignmentWeight",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "PairRepId",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "OwnerAssignedAt",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "OwnerReason",
                table: "Accounts");
        }
    }
}
