using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReviewTaskCause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Cause",
                table: "ReviewTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CauseGuard",
                table: "ReviewTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CauseRivalPersonId",
                table: "ReviewTasks",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "ReviewTasks",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Cause",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "CauseGuard",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "CauseRivalPersonId",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "ReviewTasks");
        }
    }
}
