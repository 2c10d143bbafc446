using Microsoft.EntityFrameworkCore;
using Mpi.Contracts.V1;
using Mpi.Tests.Service.Replicas;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// The concurrency case over the wire: 32 callers register the same 50 new persons from 4 registries (each
/// person once per registry, interleaved) through the real server; there must be exactly 50 persons of 4 records.
/// </summary>
public sealed class ConcurrentRegistrationTests(RunningService service) : IClassFixture<RunningService>
{
    [Fact]
    public async Task Register_32CallersSame50PersonsFrom4Registries_ExactlyFiftyPersons()
    {
        await ReplicaRounds.SendAsync(ReplicaRounds.Messages(0), [new RegistrationService.RegistrationServiceClient(service.Channel)]);

        await using var db = service.OpenDatabase();
        Assert.Equal((0, 50, 50), await ReplicaRounds.OutcomeAsync(db, 0));
        Assert.Equal(50, await db.Persons.CountAsync());
    }
}
