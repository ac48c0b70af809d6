using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Playbooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DueTimers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookmarkId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    DeadLetteredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueTimers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JournalLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Port = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookInstances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookInstances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaybookInstances_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookVersions",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Problems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookVersions", x => new { x.DefinitionId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "WaitingBookmarks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingBookmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitingBookmarks_PlaybookInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "PlaybookInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DueTimers_BookmarkId",
                table: "DueTimers",
                column: "BookmarkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueTimers_DueAt",
                table: "DueTimers",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_DueTimers_InstanceId",
                table: "DueTimers",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalLines_At",
                table: "JournalLines",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_JournalLines_InstanceId_Id",
                table: "JournalLines",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookInstances_AccountId_DefinitionId",
                table: "PlaybookInstances",
                columns: new[] { "AccountId", "DefinitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookInstances_DefinitionId_Status",
                table: "PlaybookInstances",
                columns: new[] { "DefinitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitingBookmarks_AccountId_Kind",
                table: "WaitingBookmarks",
                columns: new[] { "AccountId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitingBookmarks_InstanceId",
                table: "WaitingBookmarks",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DueTimers");

            migrationBuilder.DropTable(
                name: "JournalLines");

            migrationBuilder.DropTable(
                name: "PlaybookVersions");

            migrationBuilder.DropTable(
                name: "WaitingBookmarks");

            migrationBuilder.DropTable(
                name: "PlaybookInstances");
        }
    }
}
