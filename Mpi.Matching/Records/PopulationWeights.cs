namespace Mpi.Matching.Records;

/// <summary>
/// What a record's values weigh in the population it is scored against: how often its names occur, how many records
/// that population holds, and how many records share its phone, address and second address line. Counted by whoever
/// holds the population (batch over its file, the service over its directory) and given to a copy of the record
/// (<see cref="NormalizedRecord.Weighed"/>), so the record as normalised stays as it was.
/// </summary>
public readonly record struct PopulationWeights(
    double GivenNameFrequency,
    double FamilyNameFrequency,
    int PopulationSize,
    ContactShares Contacts);

/// <summary>How many records share a record's phone, address (line and postal code) and second address line.</summary>
public readonly record struct ContactShares(int PhoneSharedBy, int AddressSharedBy, int AddressLine2SharedBy);
