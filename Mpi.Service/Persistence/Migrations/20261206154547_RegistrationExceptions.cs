using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mpi.Service.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationExceptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistrationExceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Registry = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyRegistry = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyLocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Violations = table.Column<string>(type: "TEXT", nullable: false),
                    Receipts = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationExceptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationExceptions_Open_Key",
                table: "RegistrationExceptions",
                columns: new[] { "Registry", "KeyLocalId" },
                filter: "\"State\" = 'open'");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationExceptions_Registry_State_Id",
                table: "RegistrationExceptions",
                columns: new[] { "Registry", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationExceptions_State_ReceivedAt",
                table: "RegistrationExceptions",
                columns: new[] { "State", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistrationExceptions");
        }
    }
}
