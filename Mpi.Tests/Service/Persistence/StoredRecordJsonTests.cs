using Mpi.Matching.Records;
using Mpi.Service.Persistence;

namespace Mpi.Tests.Service.Persistence;

/// <summary>What is kept as JSON comes back equal: a stale update's record (identifiers included) and a record's identifiers.</summary>
public sealed class StoredRecordJsonTests
{
    private static readonly PatientRecord Received = new("NORTH_HOSP", "J-1")
    {
        GivenName = "Ottoline", FamilyName = "Pemberton", BirthDate = "1944-02-29", NationalId = "406662512",
        Identifiers = new RecordIdentifiers([new("MR", "ST-MARYS", "SM-1"), new("NH", "", "2950123451")]),
    };

    [Fact]
    public void StaleUpdate_RoundTrips() => Assert.Equal(Received, StoredStaleUpdates.Read(StoredStaleUpdates.Of(Received)));

    [Fact]
    public void Identifiers_RoundTrip_AndNoneIsNoColumnValue()
    {
        Assert.Equal(Received.Identifiers, StoredIdentifiers.Read(StoredIdentifiers.Of(Received.Identifiers)));
        Assert.Null(StoredIdentifiers.Of(RecordIdentifiers.None));
        Assert.Same(RecordIdentifiers.None, StoredIdentifiers.Read(null));
    }
}
