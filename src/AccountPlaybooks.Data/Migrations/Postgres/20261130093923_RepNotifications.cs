using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountPlaybooks.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RepNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notifications_Address",
                table: "Reps",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Notifications_DailyDigest",
                table: "Reps",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "Notifications_DigestHour",
                table: "Reps",
                type: "integer",
                nullable: false,
                defaultValue: 8);

            migrationBuilder.AddColumn<bool>(
                name: "Notifications_InstantTier1",
                table: "Reps",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Notifications_LastDigestOn",
                table: "Reps",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notifications_Webhook",
                table: "Reps",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notifications_Address",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "Notifications_DailyDigest",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "Notifications_DigestHour",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "Notifications_InstantTier1",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "Notifications_LastDigestOn",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "Notifications_Webhook",
                table: "Reps");
        }
    }
}
