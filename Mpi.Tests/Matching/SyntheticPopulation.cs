using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;
using Mpi.Matching.Training;
using Mpi.Tools.Synthetic;

namespace Mpi.Tests.Matching;

/// <summary>
/// A synthetic population made by the project's generator from the FEBRL frequency tables — with households,
/// twins, fathers and sons, namesakes, nicknames and married names — normalised, and a model trained on it
/// without labels. Built once per test class that uses it (about two seconds).
/// </summary>
public sealed class SyntheticPopulation
{
    public const int RecordCount = 12_000;
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public SyntheticPopulation() : this(RecordCount)
    {
    }

    /// <summary>A population of another size (same seed), for experiments that need more review-band pairs.</summary>
    internal SyntheticPopulation(int recordCount)
    {
        var tables = FrequencyTables.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl-dsgen-freq"));
        var generated = new SyntheticPopulationGenerator(tables, new SyntheticPopulationOptions { RecordCount = recordCount, Seed = 11 })
            .Generate().ToArray();
        Normalizer = new RecordNormalizer(new FakeTimeProvider(Now));
        Records = generated.Select(g => Normalizer.Normalize(g.Record).Record).ToArray();
        Truth = generated.Select(g => g.PersonId).ToArray();
        TermFrequencies.Apply(Records);
        Model = ModelTrainer.Train(Records, new TrainingOptions(), new FakeTimeProvider(Now));
        Scorer = new PairScorer(Model);
    }

    public RecordNormalizer Normalizer { get; }
    public NormalizedRecord[] Records { get; }
    public string[] Truth { get; }
    public MatchModel Model { get; }
    public PairScorer Scorer { get; }

    public NormalizedRecord Normalize(PatientRecord record) => Normalizer.Normalize(record).Record;
}
