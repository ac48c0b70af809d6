using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SegmentsMotionsDateTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Motion",
                table: "AccountScores",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Segments",
                table: "AccountScores",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "DateTriggerFirings",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlaybookId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FiredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DateTriggerFirings", x => new { x.AccountId, x.PlaybookId, x.Date });
                    table.ForeignKey(
                        name: "FK_DateTriggerFirings_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MotionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FromMotion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToMotion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    RulesetVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MotionChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MotionChanges_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Entered = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    RulesetVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentChanges_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MotionChanges_AccountId_ChangedAt",
                table: "MotionChanges",
                columns: new[] { "AccountId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MotionChanges_ChangedAt",
                table: "MotionChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentChanges_AccountId_ChangedAt",
                table: "SegmentChanges",
                columns: new[] { "AccountId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentChanges_ChangedAt",
                table: "SegmentChanges",
                column: "ChangedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DateTriggerFirings");

            migrationBuilder.DropTable(
                name: "MotionChanges");

            migrationBuilder.DropTable(
                name: "SegmentChanges");

            migrationBuilder.DropColumn(
                name: "Motion",
                table: "AccountScores");

            migrationBuilder.DropColumn(
                name: "Segments",
                table: "AccountScores");
        }
    }
}
