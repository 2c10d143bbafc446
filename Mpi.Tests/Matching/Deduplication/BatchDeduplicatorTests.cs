using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Evaluation;
using Mpi.Matching.Normalization;
using Mpi.Matching.Scoring;
using Mpi.Matching.Training;
using Mpi.Service.Csv;

namespace Mpi.Tests.Matching.Deduplication;

public class BatchDeduplicatorTests(SyntheticPopulation population) : IClassFixture<SyntheticPopulation>
{
    [Fact]
    public void Run_Febrl1TrainedWithoutLabels_ReachesF1Floor()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");
        var rows = CanonicalCsvReader.Open(Path.Combine(folder, "records.csv"), CsvReadOptions.Default).Rows!.ToArray();
        Assert.All(rows, r => Assert.True(r.Succeeded, r.Error));
        var normalizer = new RecordNormalizer(new FakeTimeProvider(SyntheticPopulation.Now));
        var records = rows.Select(r => normalizer.Normalize(r.Record!).Record).ToArray();
        var truth = File.ReadLines(Path.Combine(folder, "truth.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (f[0], f[1]), f => f[2]);
        TermFrequencies.Apply(records);

        var model = ModelTrainer.Train(records, new TrainingOptions(), new FakeTimeProvider(SyntheticPopulation.Now));
        var result = new BatchDeduplicator(model).Run(records);

        var evaluation = PairwiseEvaluation.Compute(records.Select(r => truth[(r.Registry, r.LocalId)]).ToArray(),
            result.Assignments.Select(a => a.Cluster.ToString()).ToArray());
        Assert.True(evaluation.F1 >= 0.995, $"F1 {evaluation.F1:F5} (P {evaluation.Precision:F5}, R {evaluation.Recall:F5})");
        Assert.True(evaluation.Precision >= 0.999, $"precision {evaluation.Precision:F5}");
    }

    [Fact]
    public void Run_SyntheticPopulationWithTraps_KeepsPrecisionFirst()
    {
        var result = new BatchDeduplicator(population.Model).Run(population.Records);

        var evaluation = PairwiseEvaluation.Compute(population.Truth, result.Assignments.Select(a => a.Cluster.ToString()).ToArray());
        Assert.True(evaluation.Precision >= 0.998, $"precision {evaluation.Precision:F5} ({evaluation.FalsePositives} false pairs)");
        Assert.True(evaluation.Recall >= 0.95, $"recall {evaluation.Recall:F5}");
    }

    [Fact]
    public void Run_SameSourceRecordTwice_IsOnePersonByRule()
    {
        var first = population.Records[0];
        var again = population.Records[0];
        var result = new BatchDeduplicator(population.Model).Run([first, population.Records[1], again]);
        Assert.Equal(result.Assignments[0].Cluster, result.Assignments[2].Cluster);
        Assert.Equal(Mpi.Matching.Decisions.DecisionKind.RuleLink, result.Assignments[2].Decision);
    }

    [Fact]
    public void Run_SameInputTwice_GivesTheSameAssignments()
    {
        var records = population.Records.Take(3_000).ToArray();
        var first = new BatchDeduplicator(population.Model).Run(records).Assignments;
        var second = new BatchDeduplicator(population.Model).Run(records).Assignments;
        Assert.Equal(first, second);
    }
}
