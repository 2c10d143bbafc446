using Grpc.Core;
using Grpc.Net.Client;
using Mpi.Contracts.V1;
using Mpi.Service.Grpc;
using Mpi.Tools.Synthetic;

namespace Mpi.Tests.Service.Learning;

/// <summary>
/// The project's synthetic population (households, twins, fathers and sons, namesakes, nicknames, married names) as
/// requests to a running service, with the generator's truth: which person each record key really is.
/// </summary>
public sealed class SyntheticRegistrations
{
    public SyntheticRegistrations(int count, int seed)
    {
        var tables = FrequencyTables.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl-dsgen-freq"));
        Records = [.. new SyntheticPopulationGenerator(tables, new SyntheticPopulationOptions { RecordCount = count, Seed = seed }).Generate()];
        Truth = Records.ToDictionary(r => (r.Record.Registry, r.Record.LocalId), r => r.PersonId);
    }

    public IReadOnlyList<SyntheticRecord> Records { get; }

    /// <summary>The true person of each (registry, local id).</summary>
    public IReadOnlyDictionary<(string Registry, string LocalId), string> Truth { get; }

    public static RegisterRequest Request(SyntheticRecord record) => new()
    {
        Key = new RecordKey { Registry = record.Record.Registry, LocalId = record.Record.LocalId },
        Demographics = ContractMapping.ToDemographics(record.Record),
    };

    public static MatchRequest Query(SyntheticRecord record) => new() { Demographics = ContractMapping.ToDemographics(record.Record), TopK = 5 };

    /// <summary>Registers the records in order over one RegisterStream; every item must succeed.</summary>
    public static async Task<IReadOnlyList<RegisterResponse>> RegisterAsync(GrpcChannel channel, IEnumerable<SyntheticRecord> records)
    {
        using var call = new RegistrationService.RegistrationServiceClient(channel).RegisterStream();
        var index = 0;
        var reading = call.ResponseStream.ReadAllAsync().ToListAsync().AsTask();
        foreach (var record in records) await call.RequestStream.WriteAsync(new RegisterStreamRequest { RequestIndex = index++, Register = Request(record) });
        await call.RequestStream.CompleteAsync();
        var responses = await reading;
        var failed = responses.FirstOrDefault(r => r.Error is not null);
        if (failed is not null) throw new InvalidOperationException($"item {failed.RequestIndex} failed: {failed.Error.Message}");
        return [.. responses.Select(r => r.Result)];
    }
}
