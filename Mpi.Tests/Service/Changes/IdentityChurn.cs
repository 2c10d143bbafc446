using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Changes;

/// <summary>
/// A steward at work through gRPC beside a registration load: merges two persons (and sometimes unmerges them), links
/// a record onto another person, unlinks a record from a person of several. Registrations and other stewards race
/// with it, so a change refused for a stale version, a person no longer active or a record gone is simply skipped.
/// </summary>
public sealed class IdentityChurn(int seed)
{
    private readonly Random _random = new(seed);

    public int Merges { get; private set; }
    public int Unmerges { get; private set; }
    public int Links { get; private set; }
    public int Unlinks { get; private set; }

    /// <summary>One change of a random kind among <paramref name="records"/> (record keys registered so far).</summary>
    public async Task StepAsync(GrpcChannel channel, IReadOnlyList<RecordKey> records, CancellationToken cancellation)
    {
        if (records.Count < 2) return;
        var persons = new PersonService.PersonServiceClient(channel);
        var a = records[_random.Next(records.Count)];
        var b = records[_random.Next(records.Count)];
        try
        {
            var first = await persons.GetPersonAsync(new GetPersonRequest { Record = a, Reason = "steward check" }, cancellationToken: cancellation);
            var second = await persons.GetPersonAsync(new GetPersonRequest { Record = b, Reason = "steward check" }, cancellationToken: cancellation);
            switch (_random.Next(3))
            {
                case 0 when first.PersonId != second.PersonId:
                    var merge = await persons.MergePersonsAsync(new MergePersonsRequest
                    {
                        SurvivorPersonId = first.PersonId, MergedPersonId = second.PersonId, ExpectedSurvivorVersion = first.Version,
                        ExpectedMergedVersion = second.Version, Reason = "churn: same person",
                    }, cancellationToken: cancellation);
                    Merges++;
                    if (_random.Next(2) == 0)
                    {
                        await persons.UnmergePersonAsync(new UnmergePersonRequest
                        {
                            PersonId = second.PersonId, ExpectedSurvivorVersion = merge.Survivor.Version, Reason = "churn: merged in error",
                        }, cancellationToken: cancellation);
                        Unmerges++;
                    }
                    break;
                case 1 when first.PersonId != second.PersonId:
                    await persons.LinkAsync(new LinkRequest
                    {
                        Record = a, ToPersonId = second.PersonId, ExpectedFromPersonVersion = first.Version, ExpectedToPersonVersion = second.Version,
                        Reason = "churn: belongs there",
                    }, cancellationToken: cancellation);
                    Links++;
                    break;
                case 2 when first.Records.Count > 1:
                    await persons.UnlinkAsync(new UnlinkRequest { Record = a, ExpectedPersonVersion = first.Version, Reason = "churn: not this person" },
                        cancellationToken: cancellation);
                    Unlinks++;
                    break;
            }
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Aborted or StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            // Someone changed the persons first: a steward would read again; the churn moves on.
        }
    }
}
