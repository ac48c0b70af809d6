using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TierReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "TierChanges",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TierReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Approved = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TierProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FromTier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ToTier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CauseRules = table.Column<string>(type: "text", nullable: false),
                    CauseSignalIds = table.Column<string>(type: "text", nullable: false),
                    RulesetVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Composite = table.Column<double>(type: "double precision", nullable: false),
                    Components = table.Column<string>(type: "text", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierProposals_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TierProposals_TierReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "TierReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_AccountId_Status_DecidedAt",
                table: "TierProposals",
                columns: new[] { "AccountId", "Status", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_OnePending",
                table: "TierProposals",
                column: "AccountId",
                unique: true,
                filter: "\"Status\" = 'pending'");

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_ReviewId",
                table: "TierProposals",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_Status_ProposedAt",
                table: "TierProposals",
                columns: new[] { "Status", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TierReviews_DecidedAt",
                table: "TierReviews",
                column: "DecidedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TierProposals");

            migrationBuilder.DropTable(
                name: "TierReviews");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "TierChanges");
        }
    }
}
