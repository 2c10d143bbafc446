using Microsoft.Extensions.Time.Testing;
using Mpi.Matching.Deduplication;
using Mpi.Matching.Evaluation;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
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
        Assert.True(evaluation.Precision >= 0.995, $"precision {evaluation.Precision:F5} ({evaluation.FalsePositives} false pairs)");
        Assert.True(evaluation.Recall >= 0.97, $"recall {evaluation.Recall:F5}");
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

    /// <summary>
    /// One person's three records with a common name in a large registry: the first two share the address, the last
    /// two the phone (a move), the first and last share only name and birth date — a pair the namesake guard caps at
    /// review. That capped pair is weighed with the others, not a veto of the join.
    /// </summary>
    [Fact]
    public void Run_CappedPairInsideAnOtherwiseCertainCluster_StillOnePerson()
    {
        var home = new PatientRecord("NORTH_HOSP", "N1")
        {
            GivenName = "John", FamilyName = "Smith", BirthDate = "1970-05-05", Sex = "M", AddressLine = "12 Wallaby Place",
            City = "Delmar", PostalCode = "2119", Phone = "02 9876 5432",
        };
        var sameHome = home with { Registry = "GP_NET", LocalId = "G1", Phone = null };
        var moved = home with { Registry = "SOUTH_LAB", LocalId = "S1", AddressLine = "4 Banksia Street", City = "Richlands", PostalCode = "4560" };
        var records = new[] { home, sameHome, moved }.Select(population.Normalize).ToArray();
        foreach (var r in records) (r.GivenNameFrequency, r.FamilyNameFrequency, r.PopulationSize) = (0.03, 0.02, 1_000_000);
        var capped = population.Scorer.Score(records[1], records[2]);
        Assert.Equal((PairGuard.AtMostReview, GuardReason.Namesake), (capped.Guard, capped.Reason));

        var result = new BatchDeduplicator(population.Model).Run(records);

        Assert.Single(result.Assignments.Select(a => a.Cluster).Distinct());
    }

    /// <summary>A true conflict still forbids: twins at one home stay two people even when a third record resembles both.</summary>
    [Fact]
    public void Run_TwinsWithARecordThatResemblesBoth_StayTwoPeople()
    {
        var sister = new PatientRecord("NORTH_HOSP", "N1")
        {
            GivenName = "Philippa", FamilyName = "Quarrington", BirthDate = "1990-03-09", Sex = "F", AddressLine = "12 Wallaby Place",
            City = "Delmar", PostalCode = "2119", Phone = "02 9876 5432",
        };
        var twin = sister with { LocalId = "N2", GivenName = "Ottoline" };
        var sparse = new PatientRecord("SOUTH_LAB", "S1") { FamilyName = "Quarrington", BirthDate = "1990-03-09", Phone = "02 9876 5432" };
        var records = new[] { sister, twin, sparse }.Select(population.Normalize).ToArray();
        TermFrequencies.Apply(records);

        var result = new BatchDeduplicator(population.Model).Run(records);

        Assert.NotEqual(result.Assignments[0].Cluster, result.Assignments[1].Cluster);
    }
}
