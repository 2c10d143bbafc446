using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// The service holding <see cref="Records"/> records, <see cref="CommonNameRecords"/> of them with the given name JOHN
/// and as many others with the family name SMITH: a registry in which a JOHN SMITH born on a given day is expected to
/// have a namesake (the namesake guard's registry size × name frequencies × a birth date's frequency passes its 0.002)
/// while an exact JOHN SMITH still scores above the auto-link threshold (with the shipped default: about 0.0029
/// namesakes expected, probability 0.77). A real registry reaches such expectations with a million records and
/// everyday frequencies; this one with a few thousand and exaggerated ones, registered in about 5 s.
/// </summary>
public sealed class LargeRegistryService : RunningService
{
    public const int Records = 5_000;
    public const int CommonNameRecords = 800;

    private static readonly string[] Syllables = ["ba", "ko", "ri", "ten", "mal", "do", "ve", "sun", "pra", "li", "zo", "ger", "na", "fi", "tor", "ul", "se", "qua", "ner", "hy"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var random = new Random(1207);
        string Name() => string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
        using var call = new RegistrationService.RegistrationServiceClient(Channel).RegisterStream();
        var reading = call.ResponseStream.ReadAllAsync().ToListAsync().AsTask();
        for (var i = 0; i < Records; i++)
        {
            var demographics = new Demographics
            {
                GivenName = i < CommonNameRecords ? "John" : Name(),
                FamilyName = i >= CommonNameRecords && i < 2 * CommonNameRecords ? "Smith" : Name(),
                // Born 1970–1999: never near the test persons' birth dates.
                BirthDate = new DateOnly(1970, 1, 1).AddDays(random.Next(30 * 365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Sex = random.Next(2) == 0 ? "M" : "F",
                AddressLine = $"{i + 1} {Name()} Street",
                PostalCode = random.Next(2000, 8000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            await call.RequestStream.WriteAsync(new RegisterStreamRequest
            {
                RequestIndex = i, Register = new RegisterRequest { Key = new RecordKey { Registry = "FILLER", LocalId = $"F-{i}" }, Demographics = demographics },
            });
        }
        await call.RequestStream.CompleteAsync();
        var failed = (await reading).FirstOrDefault(r => r.Error is not null);
        if (failed is not null) throw new InvalidOperationException($"filler item {failed.RequestIndex} failed: {failed.Error.Message}");
    }
}

/// <summary>
/// The namesake guard through the service (issue 12): the same full name and date of birth at another address and
/// phone, with no national id on one side, is a person who moved when the name is rare, and is held for review when
/// the registry is large enough that another person of that name and birthday is to be expected.
/// </summary>
public sealed class NamesakeRegistrationTests(LargeRegistryService service) : IClassFixture<LargeRegistryService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, Demographics demographics) =>
        new() { Key = new RecordKey { Registry = registry, LocalId = localId }, Demographics = demographics };

    private static Demographics AtTheOldHome(string given, string family, string birthDate, string nationalId, string addressLine) => new()
    {
        GivenName = given, FamilyName = family, BirthDate = birthDate, Sex = "F", AddressLine = addressLine, City = "Delmar", PostalCode = "2119",
        NationalId = nationalId,
    };

    /// <summary>Another town, another phone, no national id.</summary>
    private static Demographics AtTheNewHome(string given, string family, string birthDate, string addressLine, string phone) => new()
    {
        GivenName = given, FamilyName = family, BirthDate = birthDate, Sex = "F", AddressLine = addressLine, City = "Richlands", PostalCode = "4560",
        Phone = phone,
    };

    [Fact]
    public async Task Register_MovedPersonWithRareName_IsLinkedNotHeldAsANamesake()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "NS-1", AtTheOldHome("Ottoline", "Quarrington", "1953-08-14", "612004937", "31 Tamarind Crescent")));

        var moved = await Registration.RegisterAsync(Request("GP_NET", "NS-2", AtTheNewHome("Ottoline", "Quarrington", "1953-08-14", "8 Saltbush Road", "0733456789")));

        Assert.Equal((Decision.AutoLink, first.PersonId, PairGuard.None), (moved.Decision, moved.PersonId, moved.Explanation.Guard));
    }

    [Fact]
    public async Task Register_CommonNameSameBirthDateElsewhereInALargeRegistry_IsHeldAsANamesake()
    {
        var first = await Registration.RegisterAsync(Request("NORTH_HOSP", "NS-3", AtTheOldHome("John", "Smith", "1957-02-26", "612004945", "19 Waratah Parade")));

        var namesake = await Registration.RegisterAsync(Request("GP_NET", "NS-4", AtTheNewHome("John", "Smith", "1957-02-26", "52 Ironbark Drive", "0733451122")));

        Assert.Equal((Decision.Review, PairGuard.AtMostReview), (namesake.Decision, namesake.Explanation.Guard));
        // The weights alone would have linked it: the guard, not the score, holds it.
        var autoLink = (await new ModelService.ModelServiceClient(service.Channel).GetModelAsync(new GetModelRequest())).Thresholds.AutoLink;
        Assert.True(namesake.Probability >= autoLink, $"probability {namesake.Probability:F3}, auto-link at {autoLink}");
        Assert.NotEqual(first.PersonId, namesake.PersonId);
    }
}
