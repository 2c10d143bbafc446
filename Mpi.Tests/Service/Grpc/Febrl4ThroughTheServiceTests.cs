using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Evaluation;
using Mpi.Matching.Normalization;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;
using Mpi.Matching.Training;
using Mpi.Service.Cli;
using Mpi.Service.Csv;
using Mpi.Tools.Load;

namespace Mpi.Tests.Service.Grpc;

/// <summary>The service started on a model trained offline, without labels, on the FEBRL4 records (train, then serve --model).</summary>
public sealed class Febrl4Service : RunningService
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl4");

    protected override MatchModel StartingModel()
    {
        var normalizer = new RecordNormalizer(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)));
        var records = CanonicalCsvReader.Open(Path.Combine(Folder, "records.csv"), CsvReadOptions.Default).Rows!
            .Select(r => normalizer.Normalize(r.Record!).Record).ToArray();
        TermFrequencies.Apply(records);
        return ModelTrainer.Train(records, new TrainingOptions(), TimeProvider.System);
    }
}

/// <summary>
/// The acceptance case: FEBRL4 registered through the service, 4a then 4b, one record per call, then every
/// record's person as the service holds it: pairwise F1 ≥ 0.999 with review tasks for at most 1% of records.
/// </summary>
public sealed class Febrl4ThroughTheServiceTests(Febrl4Service service, Xunit.Abstractions.ITestOutputHelper log) : IClassFixture<Febrl4Service>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-febrl4-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Register_Febrl4OneRecordPerCall_ReachesF1AndReviewBounds()
    {
        var output = new FileInfo(Path.Combine(_folder.FullName, "clusters.csv"));
        var exit = await LoadCommand.RunAsync(new FileInfo(Path.Combine(Febrl4Service.Folder, "records.csv")), null, service.Address, service.ApiKey,
            1, output, TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(ExitCodes.Success, exit);

        var truth = File.ReadLines(Path.Combine(Febrl4Service.Folder, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
        await using var db = service.OpenDatabase();
        var held = (await db.SourceRecords.Select(r => new { r.Registry, r.LocalId, r.PersonId }).ToListAsync())
            .Select(r => (Truth: truth[(r.Registry, r.LocalId)], Person: r.PersonId)).ToList();
        var reviews = await db.ReviewTasks.LongCountAsync();

        Assert.Equal(10_000, held.Count);
        var evaluation = PairwiseEvaluation.Compute(held.Select(h => h.Truth).ToArray(), held.Select(h => h.Person).ToArray());
        log.WriteLine($"FEBRL4 through the service: P {evaluation.Precision:F5} R {evaluation.Recall:F5} F1 {evaluation.F1:F5}, {reviews} review tasks");
        Assert.True(evaluation.F1 >= 0.999, $"F1 {evaluation.F1:F5} (P {evaluation.Precision:F5}, R {evaluation.Recall:F5})");
        Assert.True(reviews <= 100, $"{reviews} review tasks for 10,000 records");
    }
}
