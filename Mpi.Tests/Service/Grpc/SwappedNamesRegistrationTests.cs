using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Given and family names keyed into each other's fields, through the service with the shipped default model: where
/// the national id and address agree, the record is the same person (issue 12: the default used to weigh swapped
/// names at -8.9 and -4.3 bits and sent FEBRL1's such pairs to review).
/// </summary>
public sealed class SwappedNamesRegistrationTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, Demographics demographics) =>
        new() { Key = new RecordKey { Registry = registry, LocalId = localId }, Demographics = demographics };

    private static Demographics AtHome(string given, string family, string nationalId, string birthDate, string addressLine, string phone) => new()
    {
        GivenName = given, FamilyName = family, BirthDate = birthDate, Sex = "F", AddressLine = addressLine, City = "Delmar", PostalCode = "2119",
        Phone = phone, NationalId = nationalId,
    };

    /// <summary>The rule national_id+birth_date decides before any weight: swapped names do not stop it.</summary>
    [Fact]
    public async Task Register_GivenAndFamilySwappedWithTheSameNationalIdBirthDateAndAddress_IsRuleLinked()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "SW-1", AtHome("Mirela", "Kowalczyk", "612004911", "1958-11-02", "27 Quandong Street", "0298765431")));
        var swapped = AtHome("Kowalczyk", "Mirela", "612004911", "1958-11-02", "27 Quandong Street", "0298765431");
        swapped.Phone = "";

        var second = await Registration.RegisterAsync(Request("SOUTH_LAB", "SW-2", swapped));

        // The answer names the rule that fired, as registration.proto promises for DECISION_RULE_LINK.
        Assert.Equal((Decision.RuleLink, first.PersonId, "national_id+birth_date"), (second.Decision, second.PersonId, second.Rule));
    }

    /// <summary>
    /// Without a birth date no rule fires and the weights decide: the swapped names must count for the pair (with the
    /// old default's -8.9 and -4.3 bits this pair scored 0.66, in review).
    /// </summary>
    [Fact]
    public async Task Register_GivenAndFamilySwappedWithTheSameNationalIdAndAddressButNoBirthDate_IsAutoLinked()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "SW-3", AtHome("Teodora", "Wisniewska", "612004929", "1966-05-19", "4 Brolga Court", "0291237788")));
        // A lab's request form: the names, the national id and the address, no birth date, sex or phone.
        var swapped = new Demographics
        {
            GivenName = "Wisniewska", FamilyName = "Teodora", AddressLine = "4 Brolga Court", City = "Delmar", PostalCode = "2119",
            NationalId = "612004929",
        };

        var second = await Registration.RegisterAsync(Request("SOUTH_LAB", "SW-4", swapped));

        Assert.Equal((Decision.AutoLink, first.PersonId), (second.Decision, second.PersonId));
        Assert.Contains(second.Explanation.Comparisons, c => c is { Comparison: "given_name", Label: "crossed_fields" });
        Assert.Contains(second.Explanation.Comparisons, c => c is { Comparison: "family_name", Label: "swapped_with_given" });
    }
}
