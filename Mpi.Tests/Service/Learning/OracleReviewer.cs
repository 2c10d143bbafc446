using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Learning;

/// <summary>
/// Plays the reviewer through the real ReviewService: opens each open task, oldest first, and resolves it with the
/// generator's truth — same person when a candidate person's first record is truly the incoming record's person,
/// different person otherwise. A task about records it has no truth for is left. A task whose candidate was merged by an earlier answer is refused by the service
/// (CANDIDATES_CHANGED) and left, as a reviewer would leave it for a fresh look.
/// </summary>
public sealed class OracleReviewer(GrpcChannel channel, IReadOnlyDictionary<(string Registry, string LocalId), string> truth)
{
    private readonly ReviewService.ReviewServiceClient _review = new(channel);

    /// <summary>Resolves up to <paramref name="count"/> open tasks; returns how many of each verdict.</summary>
    public async Task<(int Same, int Different)> ResolveAsync(int count)
    {
        var tried = new HashSet<string>();
        int same = 0, different = 0;
        while (same + different < count)
        {
            var open = await _review.ListTasksAsync(new ListTasksRequest { States = { ReviewTaskState.Open }, PageSize = 100 });
            var next = open.Tasks.Where(t => tried.Add(t.TaskId)).ToArray();
            if (next.Length == 0) break;
            foreach (var summary in next.Take(count - same - different))
            {
                var verdict = await ResolveOneAsync(summary.TaskId);
                if (verdict == true) same++;
                else if (verdict == false) different++;
            }
        }
        return (same, different);
    }

    private async Task<bool?> ResolveOneAsync(string taskId)
    {
        var task = await _review.GetTaskAsync(new GetTaskRequest { TaskId = taskId, Reason = "oracle" });
        // A task about records the generator did not make (another fixture's) is left for someone else.
        if (!truth.TryGetValue((task.Incoming.Key.Registry, task.Incoming.Key.LocalId), out var person)) return null;
        var match = task.Candidates.FirstOrDefault(c => c.Person.Records.Count > 0
            && truth.GetValueOrDefault((c.Person.Records[0].Key.Registry, c.Person.Records[0].Key.LocalId)) == person);
        try
        {
            await _review.ResolveTaskAsync(new ResolveTaskRequest
            {
                TaskId = task.TaskId, ExpectedVersion = task.Version,
                Resolution = match is null ? Resolution.DifferentPerson : Resolution.SamePerson, PersonId = match?.Person.PersonId ?? "", Reason = "oracle",
            });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            return null;
        }
        return match is not null;
    }
}
