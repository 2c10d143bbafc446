using Mpi.Matching.Records;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Persistence;

/// <summary>Between a stored source record and the received record it holds.</summary>
public static class SourceRecordMapping
{
    public static PatientRecord ToPatientRecord(this SourceRecordEntity e) => new(e.Registry, e.LocalId)
    {
        GivenName = e.GivenName, MiddleName = e.MiddleName, FamilyName = e.FamilyName, Suffix = e.Suffix, BirthDate = e.BirthDate,
        Sex = e.Sex, AddressLine = e.AddressLine, AddressLine2 = e.AddressLine2, City = e.City, State = e.State,
        PostalCode = e.PostalCode, Phone = e.Phone, Email = e.Email, NationalId = e.NationalId, Identifiers = StoredIdentifiers.Read(e.Identifiers),
    };

    /// <summary>Copies the demographics; true when anything changed.</summary>
    public static bool CopyDemographics(this SourceRecordEntity e, PatientRecord r)
    {
        var before = e.ToPatientRecord();
        e.GivenName = r.GivenName; e.MiddleName = r.MiddleName; e.FamilyName = r.FamilyName; e.Suffix = r.Suffix;
        e.BirthDate = r.BirthDate; e.Sex = r.Sex; e.AddressLine = r.AddressLine; e.AddressLine2 = r.AddressLine2; e.City = r.City;
        e.State = r.State; e.PostalCode = r.PostalCode; e.Phone = r.Phone; e.Email = r.Email; e.NationalId = r.NationalId;
        e.Identifiers = StoredIdentifiers.Of(r.Identifiers);
        return before != e.ToPatientRecord();
    }
}
