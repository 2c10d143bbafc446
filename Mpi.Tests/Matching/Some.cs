using Mpi.Matching.Records;

namespace Mpi.Tests.Matching;

/// <summary>Test records: a plausible normalised patient, changed only where a test says so.</summary>
internal static class Some
{
    private static int _next;

    public static NormalizedRecord Patient(
        string given = "MARGARET", string family = "THOMPSON", string middle = "", string suffix = "",
        string birth = "1961-04-23", char sex = 'F', string address = "12 WALLABY PL", string city = "DELMAR",
        string postal = "2119", string phone = "0298765432", string email = "", string nationalId = "4066625",
        string registry = "NORTH_HOSP", string? localId = null, int[]? nicknameGroups = null, string address2 = "")
    {
        var parts = birth.Length == 0 ? [0, 0, 0] : birth.Split('-').Select(int.Parse).ToArray();
        return new NormalizedRecord
        {
            Registry = registry,
            LocalId = localId ?? $"L{Interlocked.Increment(ref _next)}",
            GivenName = given,
            MiddleName = middle,
            FamilyName = family,
            Suffix = suffix,
            BirthYear = parts[0],
            BirthMonth = parts[1],
            BirthDay = parts[2],
            BirthDigits = birth.Replace("-", ""),
            Sex = sex,
            AddressLine = address,
            AddressLine2 = address2,
            City = city,
            PostalCode = postal,
            Phone = phone,
            Email = email,
            NationalId = nationalId,
            GivenNameGroups = [.. nicknameGroups ?? []],
            GivenPhonetic = given.Length > 0 ? given[..Math.Min(4, given.Length)] : "",
            FamilyPhonetic = family.Length > 0 ? family[..Math.Min(4, family.Length)] : "",
        };
    }
}
