using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReviewClaimTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "ReviewTasks",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "ReviewTasks");
        }
    }
}
