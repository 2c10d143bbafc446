using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LinkEventDecisionTraits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Traits",
                table: "LinkEvents",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Traits",
                table: "LinkEvents");
        }
    }
}
