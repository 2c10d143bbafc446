using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Replicas;

/// <summary>
/// Issue 18's acceptance case as an operator would run it: two <c>serve</c> processes on one PostgreSQL database,
/// 32 callers split over both registering <see cref="ReplicaRounds"/> — 20 rounds, each ending with exactly 50
/// persons of 4 records.
/// </summary>
public sealed class TwoServeProcessesTests
{
    [Fact]
    public async Task Register_32CallersSplitOverTwoServeProcesses_ExactlyFiftyPersonsOfFourRecords_InTwentyRoundsOfTwenty()
    {
        await using var replicas = await ServeProcesses.LaunchAsync(2);
        var clients = new[] { 0, 1 }.Select(r => new RegistrationService.RegistrationServiceClient(replicas.Channel(r))).ToArray();
        var rounds = new List<(int Round, int Persons, int Complete)>();
        for (var round = 0; round < 20; round++)
        {
            await ReplicaRounds.SendAsync(ReplicaRounds.Messages(round), clients);
            await using var db = replicas.OpenDatabase();
            rounds.Add(await ReplicaRounds.OutcomeAsync(db, round));
        }

        Assert.All(rounds, r => Assert.Equal((r.Round, ReplicaRounds.Persons, ReplicaRounds.Persons), r));
    }
}
