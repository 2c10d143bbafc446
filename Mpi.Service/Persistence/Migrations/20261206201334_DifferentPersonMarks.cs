using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DifferentPersonMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DifferentPersonMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewTaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    OperationId = table.Column<string>(type: "TEXT", nullable: true),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DifferentPersonMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DifferentPersonMarks_SourceRecords_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "SourceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DifferentPersonMarks_PersonId",
                table: "DifferentPersonMarks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DifferentPersonMarks_SourceRecordId",
                table: "DifferentPersonMarks",
                column: "SourceRecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DifferentPersonMarks");
        }
    }
}
