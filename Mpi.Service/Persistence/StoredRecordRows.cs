using System.Data.Common;
using Mpi.Matching.Records;

namespace Mpi.Service.Persistence;

/// <summary>The demographic columns of a source record row, for the plain-command paths (same columns as <see cref="Entities.SourceRecordEntity"/>).</summary>
public static class StoredRecordRows
{
    public const string Columns = """
        "Registry", "LocalId", "GivenName", "MiddleName", "FamilyName", "Suffix", "BirthDate", "Sex", "AddressLine", "AddressLine2",
        "City", "State", "PostalCode", "Phone", "Email", "NationalId"
        """;

    public const string SelectById = $"""SELECT {Columns} FROM "SourceRecords" WHERE "Id" = @id""";

    /// <summary>The received record held by the row the reader is on (columns in <see cref="Columns"/> order).</summary>
    public static PatientRecord Read(DbDataReader reader) => new(reader.GetString(0), reader.GetString(1))
    {
        GivenName = Text(reader, 2), MiddleName = Text(reader, 3), FamilyName = Text(reader, 4), Suffix = Text(reader, 5),
        BirthDate = Text(reader, 6), Sex = Text(reader, 7), AddressLine = Text(reader, 8), AddressLine2 = Text(reader, 9),
        City = Text(reader, 10), State = Text(reader, 11), PostalCode = Text(reader, 12), Phone = Text(reader, 13),
        Email = Text(reader, 14), NationalId = Text(reader, 15),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
