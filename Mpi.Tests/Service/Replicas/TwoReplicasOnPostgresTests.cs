using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;
using Mpi.Tests.Service.Postgres;

namespace Mpi.Tests.Service.Replicas;

/// <summary>One replica of the service on a PostgreSQL database another replica shares.</summary>
public sealed class ReplicaService(string connectionString) : RunningService
{
    public override string DatabasePath => connectionString;
}

/// <summary>Two replicas of the service, each with its own record directory, on one real PostgreSQL database.</summary>
public sealed class TwoReplicas : IAsyncLifetime
{
    private readonly PostgresServer _server = new();

    public ReplicaService First { get; private set; } = null!;
    public ReplicaService Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var database = await _server.CreateDatabaseAsync();
        First = new ReplicaService(database);
        await First.InitializeAsync();
        Second = new ReplicaService(database);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>
/// Issue 18's replica case with two service hosts in this process: 32 callers, half on each replica, register
/// <see cref="ReplicaRounds"/>; every round must end with exactly 50 persons of 4 records — the replicas' writers
/// are serialised by the database, and each decides on every commit before its own.
/// </summary>
public sealed class TwoReplicasOnPostgresTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    [Fact]
    public async Task Register_32CallersSplitOverTwoReplicas_ExactlyFiftyPersonsOfFourRecords_InTwentyRoundsOfTwenty()
    {
        var clients = new[] { replicas.First, replicas.Second }.Select(r => new RegistrationService.RegistrationServiceClient(r.Channel)).ToArray();
        var rounds = new List<(int Round, int Persons, int Complete)>();
        for (var round = 0; round < 20; round++)
        {
            await ReplicaRounds.SendAsync(ReplicaRounds.Messages(round), clients);
            await using var db = replicas.First.OpenDatabase();
            rounds.Add(await ReplicaRounds.OutcomeAsync(db, round));
        }

        Assert.All(rounds, r => Assert.Equal((r.Round, ReplicaRounds.Persons, ReplicaRounds.Persons), r));
    }
}
