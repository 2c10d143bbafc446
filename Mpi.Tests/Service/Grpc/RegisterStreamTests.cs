using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;

namespace Mpi.Tests.Service.Grpc;
public sealed class RegisterStreamTests(RunningService service) : IClassFixture<RunningService>
{
    private static RegisterStreamRequest Item(long index, string localId, string birthDate, string nationalId, string family = "Oyelaran") => new()
    {
        RequestIndex = index,
        Register = new RegisterRequest
        {
            Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId },
            Demographics = new Demographics
            {
                GivenName = "Amara", FamilyName = family, BirthDate = birthDate, Sex = "F", AddressLine = "40 Banksia Avenue",
                PostalCode = "6000", NationalId = nationalId,
            },
        },
    };

    [Fact]
    public async Task RegisterStream_GoodAndBadItems_AnswersEachInOrderAndGoesOn()
    {
        using var call = new RegistrationService.RegistrationServiceClient(service.Channel).RegisterStream();
        RegisterStreamRequest[] items =
        [
            Item(10, "ST-1", "1979-03-15", "804411230"),
            Item(11, "ST-2", "1979-02-30", "804411231"),   // impossible date
            Item(12, "ST-3", "1979-03-15", "804411230"),   // same person, another local id
        ];
        foreach (var item in items) await call.RequestStream.WriteAsync(item);
        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal([10L, 11L, 12L], responses.Select(r => r.RequestIndex));
        Assert.Equal(Decision.New, responses[0].Result.Decision);
        Assert.Equal((int)StatusCode.InvalidArgument, responses[1].Error.Code);
        Assert.Contains(responses[1].Error.FieldViolations, v => v.Field == "demographics.birth_date");
        Assert.Equal((Decision.RuleLink, responses[0].Result.PersonId), (responses[2].Result.Decision, responses[2].Result.PersonId));
    }

    [Fact]
    public async Task RegisterStream_ItemsWithMessageIdsSentAgain_AreAnsweredWithTheFirstAnswers()
    {
        var client = new RegistrationService.RegistrationServiceClient(service.Channel);
        RegisterStreamRequest[] items = [Item(1, "MS-1", "1983-06-21", "804411301", "Okonjo"), Item(2, "MS-2", "1983-06-21", "804411301", "Okonjo")];
        items[0].Register.MessageId = "MSH10-STREAM-1";
        items[1].Register.MessageId = "MSH10-STREAM-2";

        async Task<List<RegisterStreamResponse>> Send()
        {
            using var call = client.RegisterStream();
            foreach (var item in items) await call.RequestStream.WriteAsync(item);
            await call.RequestStream.CompleteAsync();
            return await call.ResponseStream.ReadAllAsync().ToListAsync();
        }
        var first = await Send();
        var again = await Send();

        Assert.Equal([Decision.New, Decision.RuleLink], first.Select(r => r.Result.Decision));
        Assert.All(again, r => Assert.True(r.Result.Replayed));
        Assert.Equal(first.Select(r => (r.Result.Decision, r.Result.PersonId, r.Result.Probability)),
            again.Select(r => (r.Result.Decision, r.Result.PersonId, r.Result.Probability)));
    }
}
