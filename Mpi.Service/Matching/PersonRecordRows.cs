using Mpi.Matching.Records;
using Mpi.Service.Persistence;

namespace Mpi.Service.Matching;

/// <summary>
/// The source records of a few persons, most recently updated first, read with one prepared command: Match shows
/// each candidate's golden view and records on every call, and an EF query over a varying list of person ids is
/// compiled anew for each list length.
/// </summary>
public static class PersonRecordRows
{
    private const string ByPerson = $"""
        SELECT {StoredRecordRows.Columns} FROM "SourceRecords" WHERE "PersonId" = @person ORDER BY "UpdatedAt" DESC, "Id" DESC
        """;

    public static Dictionary<string, List<PatientRecord>> Read(MpiDbContext db, IEnumerable<string> personIds)
    {
        var records = new Dictionary<string, List<PatientRecord>>();
        using var command = DirectCommand.Create(db, ByPerson);
        var person = command.Parameter("@person");
        foreach (var personId in personIds)
        {
            person.Value = personId;
            var list = records[personId] = [];
            using var reader = command.ExecuteReader();
            while (reader.Read()) list.Add(StoredRecordRows.Read(reader));
        }
        return records;
    }
}
