using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Two SMITHs agree less than two ZYWIECs: the service weighs an exact name by its frequency among the registry's
/// records, as batch deduplication weighs it over a file.
/// </summary>
public sealed class TermFrequencyThroughTheServiceTests(RunningService service) : IClassFixture<RunningService>
{
    private const int Smiths = 300;

    [Fact]
    public async Task Match_ACommonFamilyName_WeighsLessThanARareOne()
    {
        var client = new RegistrationService.RegistrationServiceClient(service.Channel);
        await RegisterSmithsAsync(client);
        var zywiec = new Demographics { GivenName = "Perpetua", FamilyName = "Zywiec", BirthDate = "1961-07-23", Sex = "F", PostalCode = "4870" };
        var smith = zywiec.Clone();
        smith.FamilyName = "Smith";

        var rare = await FamilyNameWeightAsync(client, zywiec);
        var common = await FamilyNameWeightAsync(client, smith);

        Assert.True(rare.Adjusted && common.Adjusted, "an exact family name is adjusted by its frequency");
        Assert.True(common.Weight < rare.Weight - 4, $"SMITH {common.Weight:F2} bits against ZYWIEC {rare.Weight:F2}");
    }

    private static async Task RegisterSmithsAsync(RegistrationService.RegistrationServiceClient client)
    {
        using var call = client.RegisterStream();
        var answers = call.ResponseStream.ReadAllAsync().ToListAsync().AsTask();
        for (var i = 0; i < Smiths; i++)
            await call.RequestStream.WriteAsync(new RegisterStreamRequest
            {
                RequestIndex = i,
                Register = new RegisterRequest
                {
                    Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = $"S{i}" },
                    Demographics = new Demographics
                    {
                        GivenName = $"Given{(char)('A' + i % 26)}{(char)('A' + i / 26 % 26)}", FamilyName = "Smith",
                        BirthDate = $"{1930 + i % 60}-{1 + i % 12:00}-{1 + i % 28:00}", Sex = i % 2 == 0 ? "F" : "M",
                    },
                },
            });
        await call.RequestStream.CompleteAsync();
        Assert.Equal(Smiths, (await answers).Count(r => r.Result is not null));
    }

    /// <summary>Registers a record equal to <paramref name="query"/>, then reads the family name's weight in the match's explanation.</summary>
    private static async Task<(double Weight, bool Adjusted)> FamilyNameWeightAsync(RegistrationService.RegistrationServiceClient client, Demographics query)
    {
        await client.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "SOUTH_LAB", LocalId = $"Q-{query.FamilyName}" }, Demographics = query });
        var match = await client.MatchAsync(new MatchRequest { Demographics = query, TopK = 1 });
        var family = match.Candidates[0].Explanation.Comparisons.Single(c => c.Comparison == "family_name");
        Assert.Equal("exact", family.Label);
        return (family.Weight, family.TermFrequencyAdjusted);
    }
}
