using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <summary>
    /// Blocking keys are no longer stored: the service keeps them in memory (RecordDirectory), derived from the
    /// records at start-up, because writing some fifteen index rows per record was most of a registration's cost.
    /// Going down recreates the table empty; an older build would then need its keys rebuilt.
    /// </summary>
    public partial class DropBlockingKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlockingKeys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BlockingKeys",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceRecordId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockingKeys", x => new { x.Key, x.SourceRecordId });
                    table.ForeignKey(
                        name: "FK_BlockingKeys_SourceRecords_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "SourceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BlockingKeys_SourceRecordId",
                table: "BlockingKeys",
                column: "SourceRecordId");
        }
    }
}
