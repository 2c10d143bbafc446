using Hl7.Fhir.Model;
using Mpi.Contracts.V1;
using Demographics = Mpi.Contracts.V1.Demographics;
using Identifier = Hl7.Fhir.Model.Identifier;

namespace Mpi.Service.Fhir;

/// <summary>
/// A FHIR Patient as the contract's record key and demographics, and a person (the golden view and its records) as a
/// Patient. The first name (the official one when marked) gives the given, middle and family names and the suffix;
/// the first address and the first phone and email are the record's.
/// </summary>
public static class PatientMapping
{
    /// <summary>
    /// The record a Patient carries: its key (the one identifier with a registry's system), demographics, and for each
    /// typed identifier sent the index of the Patient.identifier it came from (receipts and errors name that element).
    /// </summary>
    /// <param name="NameIndex">The Patient.name read (the official one, else the first); receipts and errors name it.</param>
    /// <param name="NotRead">Elements sent that the record could not take, each with why: said as warnings, not dropped unsaid.</param>
    public sealed record SentRecord(RecordKey? Key, int KeyIndex, Demographics Demographics, IReadOnlyList<int> IdentifierIndexes, int NameIndex = 0,
        IReadOnlyList<(string Element, string Why)>? NotRead = null);

    public static (SentRecord? Record, string? Problem) ToRecord(Patient patient, bool keyRequired)
    {
        var demographics = new Demographics();
        var notRead = new List<(string Element, string Why)>();
        var nameIndex = patient.Name.FindIndex(n => n.Use == HumanName.NameUse.Official) is var official and >= 0 ? official : 0;
        var name = patient.Name.ElementAtOrDefault(nameIndex);
        if (name is not null && string.IsNullOrWhiteSpace(name.Family) && !name.Given.Any(g => !string.IsNullOrWhiteSpace(g)) && !string.IsNullOrWhiteSpace(name.Text))
            notRead.Add(($"Patient.name[{nameIndex}].text", "a name as text alone is not read: send family and given"));
        if (name is not null)
        {
            var given = name.Given.Where(g => !string.IsNullOrWhiteSpace(g)).ToArray();
            demographics.GivenName = given.FirstOrDefault() ?? "";
            demographics.MiddleName = string.Join(' ', given.Skip(1));
            demographics.FamilyName = name.Family ?? "";
            demographics.Suffix = name.Suffix.FirstOrDefault() ?? "";
        }
        demographics.BirthDate = patient.BirthDate ?? "";
        demographics.Sex = patient.Gender switch
        {
            AdministrativeGender.Male => "M", AdministrativeGender.Female => "F", AdministrativeGender.Other => "O", AdministrativeGender.Unknown => "U", _ => "",
        };
        if (patient.Address.FirstOrDefault() is { } address)
        {
            if (!address.Line.Any() && address.City is null && address.PostalCode is null && address.State is null && !string.IsNullOrWhiteSpace(address.Text))
                notRead.Add(("Patient.address[0].text", "an address as text alone is not read: send line, city and postalCode"));
            var lines = address.Line.ToArray();
            demographics.AddressLine = lines.ElementAtOrDefault(0) ?? "";
            demographics.AddressLine2 = string.Join(", ", lines.Skip(1));
            demographics.City = address.City ?? "";
            demographics.State = address.State ?? "";
            demographics.PostalCode = address.PostalCode ?? "";
        }
        demographics.Phone = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value ?? "";
        demographics.Email = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value ?? "";
        for (var i = 0; i < patient.Telecom.Count; i++)
            if (patient.Telecom[i].System is null && !string.IsNullOrWhiteSpace(patient.Telecom[i].Value))
                notRead.Add(($"Patient.telecom[{i}]", "a contact point without a system (phone or email) is not read"));

        RecordKey? key = null;
        var keyIndex = -1;
        var typed = new List<int>();
        for (var i = 0; i < patient.Identifier.Count; i++)
        {
            var identifier = patient.Identifier[i];
            var type = TypeOf(identifier);
            if (FhirIdentifiers.RegistryOf(identifier.System) is { } registry)
            {
                if (key is not null) return (null, $"Patient.identifier[{i}]: a second record key (identifier with system {FhirIdentifiers.RegistryPrefix}…); send one");
                key = new RecordKey { Registry = registry, LocalId = identifier.Value ?? "" };
                keyIndex = i;
            }
            else if (type == "NI" && string.IsNullOrEmpty(identifier.System) && demographics.NationalId.Length == 0)
                demographics.NationalId = identifier.Value ?? "";
            else
            {
                demographics.Identifiers.Add(new Mpi.Contracts.V1.Identifier { Type = type, Authority = identifier.System ?? "", Value = identifier.Value ?? "" });
                typed.Add(i);
            }
        }
        if (key is null && keyRequired)
            return (null, $"Patient.identifier: missing the record key, an identifier with system {FhirIdentifiers.RegistryPrefix}<registry> and the registry's local id");
        return (new SentRecord(key, keyIndex, demographics, typed, nameIndex, notRead), null);
    }

    /// <summary>A person as a Patient: its golden view, one identifier per source record, active unless merged or retired, replaced-by its survivor.</summary>
    public static Patient ToPatient(PersonView person)
    {
        var golden = person.Golden ?? new Demographics();
        var patient = new Patient
        {
            Id = person.PersonId,
            Active = person.State == PersonState.Active,
            Identifier = [.. person.Records.Select(r => new Identifier(FhirIdentifiers.RegistrySystem(r.Key.Registry), r.Key.LocalId))],
            BirthDate = NullIfEmpty(golden.BirthDate),
            Gender = golden.Sex switch
            {
                "M" => AdministrativeGender.Male, "F" => AdministrativeGender.Female, "U" => AdministrativeGender.Unknown, "" => null, _ => AdministrativeGender.Other,
            },
        };
        if (person.UpdatedAt is { } updated) patient.Meta = new Meta { LastUpdated = updated.ToDateTimeOffset() };
        if (golden.GivenName.Length + golden.FamilyName.Length > 0)
        {
            var name = new HumanName { Use = HumanName.NameUse.Official, Family = NullIfEmpty(golden.FamilyName) };
            name.Given = [.. new[] { golden.GivenName, golden.MiddleName }.Where(g => g.Length > 0)];
            if (golden.Suffix.Length > 0) name.Suffix = [golden.Suffix];
            patient.Name.Add(name);
        }
        if (golden.AddressLine.Length + golden.City.Length + golden.PostalCode.Length > 0)
            patient.Address.Add(new Address
            {
                Line = [.. new[] { golden.AddressLine, golden.AddressLine2 }.Where(l => l.Length > 0)], City = NullIfEmpty(golden.City),
                State = NullIfEmpty(golden.State), PostalCode = NullIfEmpty(golden.PostalCode),
            });
        if (golden.Phone.Length > 0) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, golden.Phone));
        if (golden.Email.Length > 0) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, golden.Email));
        if (person.State == PersonState.Merged && person.MergedIntoPersonId.Length > 0)
            patient.Link.Add(new Patient.LinkComponent { Other = new ResourceReference($"Patient/{person.MergedIntoPersonId}"), Type = Patient.LinkType.ReplacedBy });
        return patient;
    }

    private static string TypeOf(Identifier identifier) =>
        identifier.Type?.Coding.FirstOrDefault(c => c.System == FhirIdentifiers.IdentifierTypes)?.Code ?? identifier.Type?.Coding.FirstOrDefault()?.Code ?? "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
