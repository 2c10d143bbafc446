using Mpi.Contracts.V1;

namespace Mpi.Service.Hl7v2;

/// <summary>
/// PID (and MRG) as the contract's record key and demographics, and each contract field back to the HL7 v2 location
/// it came from, for ERR segments. The record key is the PID-3 identifier of type MR (else the first): its
/// assigning authority (CX-4) is the registry — or the sending facility (MSH-4) when it names none — and its ID
/// (CX-1) the local id. The other PID-3 identifiers are typed identifiers (type CX-5, authority CX-4); PID-19 is the
/// national id. Names from PID-5 (family, given, middle, suffix), PID-7 the date of birth as sent (an HL7 date or
/// timestamp), PID-8 the sex, PID-11 the first address, PID-13 the first phone and an e-mail address.
/// </summary>
public static class PidMapping
{
    public sealed record SentRecord(RecordKey Key, int KeyRepetition, Demographics Demographics, IReadOnlyList<int> IdentifierRepetitions);


    /// <summary>The record key of an identifier list (PID-3, MRG-1), as <see cref="Of"/> reads it.</summary>
    public static (RecordKey Key, int Repetition) KeyOf(Er7Segment segment, int field, Er7Segment msh)
    {
        var repetitions = segment.Repetitions(field);
        var chosen = 0;
        for (var r = 0; r < repetitions; r++)
            if (segment.Value(field, 5, repetition: r) == "MR") { chosen = r; break; }
        var authority = segment.Value(field, 4, repetition: chosen);
        return (new RecordKey { Registry = authority.Length > 0 ? authority : msh.Value(4), LocalId = segment.Value(field, 1, repetition: chosen) }, chosen);
    }

    /// <summary>The PID fields <see cref="Of"/> reads.</summary>
    public static readonly int[] FieldsRead = [3, 5, 7, 8, 11, 13, 19];

    public static SentRecord Of(Er7Segment pid, Er7Segment msh)
    {
        const int field = 3;
        var (key, keyRepetition) = KeyOf(pid, field, msh);
        var demographics = new Demographics
        {
            FamilyName = pid.Value(5, 1), GivenName = pid.Value(5, 2), MiddleName = pid.Value(5, 3), Suffix = pid.Value(5, 4),
            BirthDate = pid.Value(7), Sex = pid.Value(8),
            AddressLine = pid.Value(11, 1), AddressLine2 = pid.Value(11, 2), City = pid.Value(11, 3), State = pid.Value(11, 4),
            PostalCode = pid.Value(11, 5), NationalId = pid.Value(19),
        };
        for (var r = 0; r < pid.Repetitions(13); r++)
        {
            var email = pid.Value(13, 4, repetition: r);
            if (email.Length > 0 && demographics.Email.Length == 0) demographics.Email = email;
            // XTN-1 (the number as one string), else area code and local number (XTN-6, XTN-7).
            var phone = pid.Value(13, 1, repetition: r) is { Length: > 0 } whole ? whole : pid.Value(13, 6, repetition: r) + pid.Value(13, 7, repetition: r);
            if (phone.Length > 0 && email.Length == 0 && demographics.Phone.Length == 0) demographics.Phone = phone;
        }
        var typed = new List<int>();
        for (var r = 0; r < pid.Repetitions(field); r++)
        {
            if (r == keyRepetition) continue;
            demographics.Identifiers.Add(new Identifier
            {
                Type = pid.Value(field, 5, repetition: r), Authority = pid.Value(field, 4, repetition: r), Value = pid.Value(field, 1, repetition: r),
            });
            typed.Add(r);
        }
        return new SentRecord(key, keyRepetition, demographics, typed);
    }

    /// <summary>Where a contract field (<c>demographics.birth_date</c>, <c>identifiers[1]</c>, <c>key.local_id</c>) sits in PID: segment^sequence^field[^repetition].</summary>
    public static string Location(string field, SentRecord? sent)
    {
        var name = field.StartsWith("demographics.", StringComparison.Ordinal) ? field["demographics.".Length..] : field;
        if (name.StartsWith("identifiers[", StringComparison.Ordinal) && int.TryParse(name["identifiers[".Length..].TrimEnd(']'), out var index))
            return sent is not null && index < sent.IdentifierRepetitions.Count ? $"PID^1^3^{sent.IdentifierRepetitions[index] + 1}" : "PID^1^3";
        return name switch
        {
            "key.registry" => sent is null ? "PID^1^3" : $"PID^1^3^{sent.KeyRepetition + 1}^4",
            "key.local_id" or "record" => sent is null ? "PID^1^3" : $"PID^1^3^{sent.KeyRepetition + 1}^1",
            "family_name" => "PID^1^5^1^1",
            "given_name" => "PID^1^5^1^2",
            "middle_name" => "PID^1^5^1^3",
            "suffix" => "PID^1^5^1^4",
            "birth_date" => "PID^1^7",
            "sex" => "PID^1^8",
            "address_line" => "PID^1^11^1^1",
            "address_line2" => "PID^1^11^1^2",
            "city" => "PID^1^11^1^3",
            "state" => "PID^1^11^1^4",
            "postal_code" => "PID^1^11^1^5",
            "phone" or "email" => "PID^1^13",
            "national_id" => "PID^1^19",
            "source_event_time" => "EVN^1^6",
            "message_id" => "MSH^1^10",
            _ => "PID^1",
        };
    }
}
