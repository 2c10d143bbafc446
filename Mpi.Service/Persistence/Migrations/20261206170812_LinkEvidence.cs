using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LinkEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "ReviewTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "LinkEvents",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "LinkEvents");
        }
    }
}
