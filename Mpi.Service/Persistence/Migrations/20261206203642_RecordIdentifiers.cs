using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Identifiers",
                table: "SourceRecords",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Identifiers",
                table: "SourceRecords");
        }
    }
}
