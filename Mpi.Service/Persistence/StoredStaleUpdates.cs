using System.Text.Json;
using Mpi.Matching.Records;

namespace Mpi.Service.Persistence;

/// <summary>How a stale update's received record is kept (<see cref="Entities.StaleUpdateEntity.Demographics"/>): JSON of the record as received.</summary>
public static class StoredStaleUpdates
{
    public static string Of(PatientRecord received) => JsonSerializer.Serialize(received);

    public static PatientRecord Read(string json) =>
        JsonSerializer.Deserialize<PatientRecord>(json) ?? throw new InvalidDataException("a stale update without its record");
}
