using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SourceEventTimeAndDeactivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "SourceRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceEventAt",
                table: "SourceRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StaleUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceEventAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldSourceEventAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Demographics = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaleUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaleUpdates_SourceRecords_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "SourceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaleUpdates_SourceRecordId",
                table: "StaleUpdates",
                column: "SourceRecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaleUpdates");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "SourceRecords");

            migrationBuilder.DropColumn(
                name: "SourceEventAt",
                table: "SourceRecords");
        }
    }
}
