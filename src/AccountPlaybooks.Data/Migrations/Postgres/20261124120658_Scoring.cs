using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Scoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountScores",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Components = table.Column<string>(type: "text", nullable: false),
                    Composite = table.Column<double>(type: "double precision", nullable: false),
                    Tier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TierSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HeldTier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HoldUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewFlag = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    RulesetVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EvaluatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountScores", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_AccountScores_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RulesetVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Accounts = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    TierChanges = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rulesets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Messages = table.Column<string>(type: "text", nullable: false),
                    Files = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rulesets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TierChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FromTier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ToTier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CauseRules = table.Column<string>(type: "text", nullable: false),
                    CauseSignalIds = table.Column<string>(type: "text", nullable: false),
                    RulesetVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierChanges_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountScores_Tier_Composite",
                table: "AccountScores",
                columns: new[] { "Tier", "Composite" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_StartedAt",
                table: "EvaluationRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Rulesets_CreatedAt",
                table: "Rulesets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TierChanges_AccountId_ChangedAt",
                table: "TierChanges",
                columns: new[] { "AccountId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TierChanges_ChangedAt",
                table: "TierChanges",
                column: "ChangedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountScores");

            migrationBuilder.DropTable(
                name: "EvaluationRuns");

            migrationBuilder.DropTable(
                name: "Rulesets");

            migrationBuilder.DropTable(
                name: "TierChanges");
        }
    }
}
