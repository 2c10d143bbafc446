using System.Data.Common;
using Mpi.Matching.Records;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>The demographic columns of a source record row, for the plain-command paths (same columns as <see cref="Entities.SourceRecordEntity"/>).</summary>
public static class StoredRecordRows
{
    public const string Columns = """
        "Registry", "LocalId", "GivenName", "MiddleName", "FamilyName", "Suffix", "BirthDate", "Sex", "AddressLine", "AddressLine2",
        "City", "State", "PostalCode", "Phone", "Email", "NationalId", "Identifiers"
        """;

    /// <summary>How many columns <see cref="Columns"/> lists.</summary>
    public const int Count = 17;

    public const string SelectById = $"""SELECT {Columns} FROM "SourceRecords" WHERE "Id" = @id""";

    /// <summary>The received record held by the row the reader is on (columns in <see cref="Columns"/> order, from <paramref name="offset"/>).</summary>
    public static PatientRecord Read(DbDataReader reader, int offset = 0) => new(reader.GetString(offset), reader.GetString(offset + 1))
    {
        GivenName = Text(reader, offset + 2), MiddleName = Text(reader, offset + 3), FamilyName = Text(reader, offset + 4),
        Suffix = Text(reader, offset + 5), BirthDate = Text(reader, offset + 6), Sex = Text(reader, offset + 7),
        AddressLine = Text(reader, offset + 8), AddressLine2 = Text(reader, offset + 9), City = Text(reader, offset + 10),
        State = Text(reader, offset + 11), PostalCode = Text(reader, offset + 12), Phone = Text(reader, offset + 13),
        Email = Text(reader, offset + 14), NationalId = Text(reader, offset + 15), Identifiers = StoredIdentifiers.Read(Text(reader, offset + 16)),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
