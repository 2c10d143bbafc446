using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mpi.Service.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InitialPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Credentials",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SecretHash = table.Column<string>(type: "text", nullable: false),
                    Registries = table.Column<string>(type: "text", nullable: false),
                    Rpcs = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceRecordId = table.Column<long>(type: "bigint", nullable: false),
                    FromPersonId = table.Column<string>(type: "text", nullable: true),
                    ToPersonId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Rule = table.Column<string>(type: "text", nullable: true),
                    ReviewTaskId = table.Column<long>(type: "bigint", nullable: true),
                    Probability = table.Column<double>(type: "double precision", nullable: true),
                    ModelVersion = table.Column<string>(type: "text", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    OperationId = table.Column<string>(type: "text", nullable: true),
                    Evidence = table.Column<string>(type: "text", nullable: true),
                    Traits = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Version = table.Column<string>(type: "text", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ActivatedAt = table.Column<long>(type: "bigint", nullable: true),
                    BasedOnVersion = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    MergedIntoId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RetiredAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedMessages",
                columns: table => new
                {
                    Registry = table.Column<string>(type: "text", nullable: false),
                    MessageId = table.Column<string>(type: "text", nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    Response = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedMessages", x => new { x.Registry, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "RegistrationExceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Registry = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyRegistry = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyLocalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Sender = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    Violations = table.Column<string>(type: "text", nullable: false),
                    Receipts = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    Resolution = table.Column<string>(type: "text", nullable: true),
                    ResolvedBy = table.Column<string>(type: "text", nullable: true),
                    ResolvedAt = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationExceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceRecordId = table.Column<long>(type: "bigint", nullable: false),
                    CandidatePersonIds = table.Column<string>(type: "text", nullable: false),
                    Probability = table.Column<double>(type: "double precision", nullable: false),
                    ModelVersion = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    ClaimedBy = table.Column<string>(type: "text", nullable: true),
                    ClaimedAt = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Resolution = table.Column<string>(type: "text", nullable: true),
                    ResolvedPersonId = table.Column<string>(type: "text", nullable: true),
                    ResolutionReason = table.Column<string>(type: "text", nullable: true),
                    Evidence = table.Column<string>(type: "text", nullable: true),
                    Cause = table.Column<string>(type: "text", nullable: true),
                    CauseGuard = table.Column<string>(type: "text", nullable: true),
                    CauseRivalPersonId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ResolvedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reviewers",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    DisabledAt = table.Column<long>(type: "bigint", nullable: true),
                    Registries = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    QueueFilter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviewers", x => x.UserName);
                });

            migrationBuilder.CreateTable(
                name: "UiSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UiSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Registry = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LocalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SourceEventAt = table.Column<long>(type: "bigint", nullable: true),
                    DeactivatedAt = table.Column<long>(type: "bigint", nullable: true),
                    GivenName = table.Column<string>(type: "text", nullable: true),
                    MiddleName = table.Column<string>(type: "text", nullable: true),
                    FamilyName = table.Column<string>(type: "text", nullable: true),
                    Suffix = table.Column<string>(type: "text", nullable: true),
                    BirthDate = table.Column<string>(type: "text", nullable: true),
                    Sex = table.Column<string>(type: "text", nullable: true),
                    AddressLine = table.Column<string>(type: "text", nullable: true),
                    AddressLine2 = table.Column<string>(type: "text", nullable: true),
                    City = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "text", nullable: true),
                    PostalCode = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    NationalId = table.Column<string>(type: "text", nullable: true),
                    Identifiers = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceRecords_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DifferentPersonMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceRecordId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    ReviewTaskId = table.Column<long>(type: "bigint", nullable: true),
                    OperationId = table.Column<string>(type: "text", nullable: true),
                    MarkedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MarkedAt = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    RemovedAt = table.Column<long>(type: "bigint", nullable: true),
                    RemovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RemovalReason = table.Column<string>(type: "text", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "StaleUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceRecordId = table.Column<long>(type: "bigint", nullable: false),
                    SourceEventAt = table.Column<long>(type: "bigint", nullable: false),
                    HeldSourceEventAt = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    Sender = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Demographics = table.Column<string>(type: "text", nullable: false)
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
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_DifferentPersonMarks_PersonId",
                table: "DifferentPersonMarks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DifferentPersonMarks_SourceRecordId",
                table: "DifferentPersonMarks",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkEvents_FromPersonId",
                table: "LinkEvents",
                column: "FromPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkEvents_OperationId",
                table: "LinkEvents",
                column: "OperationId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkEvents_SourceRecordId",
                table: "LinkEvents",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkEvents_ToPersonId",
                table: "LinkEvents",
                column: "ToPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedMessages_At",
                table: "ProcessedMessages",
                column: "At");

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

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTasks_SourceRecordId",
                table: "ReviewTasks",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTasks_State_CreatedAt",
                table: "ReviewTasks",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceRecords_PersonId",
                table: "SourceRecords",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceRecords_Registry_LocalId",
                table: "SourceRecords",
                columns: new[] { "Registry", "LocalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaleUpdates_SourceRecordId",
                table: "StaleUpdates",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_UiSessions_StartedAt",
                table: "UiSessions",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Credentials");

            migrationBuilder.DropTable(
                name: "DifferentPersonMarks");

            migrationBuilder.DropTable(
                name: "LinkEvents");

            migrationBuilder.DropTable(
                name: "ModelVersions");

            migrationBuilder.DropTable(
                name: "ProcessedMessages");

            migrationBuilder.DropTable(
                name: "RegistrationExceptions");

            migrationBuilder.DropTable(
                name: "ReviewTasks");

            migrationBuilder.DropTable(
                name: "Reviewers");

            migrationBuilder.DropTable(
                name: "StaleUpdates");

            migrationBuilder.DropTable(
                name: "UiSessions");

            migrationBuilder.DropTable(
                name: "SourceRecords");

            migrationBuilder.DropTable(
                name: "Persons");
        }
    }
}
