using Microsoft.Extensions.Time.Testing;
using Mpi.Service.Cli;
using Mpi.Tools.Synthetic;

namespace Mpi.Tests.Service.Cli;

/// <summary><c>learn</c> on real files: a synthetic population written by the generator, its truth as the oracle or as labels.</summary>
public sealed class LearnCommandTests(LearnCommandTests.PopulationFolder population) : IClassFixture<LearnCommandTests.PopulationFolder>, IDisposable
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-learn-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The generator's records.csv and truth.csv, written once for the class (the tests only read them).</summary>
    public sealed class PopulationFolder : IDisposable
    {
        public PopulationFolder()
        {
            var tables = FrequencyTables.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl-dsgen-freq"));
            SyntheticPopulationWriter.Write(
                new SyntheticPopulationGenerator(tables, new SyntheticPopulationOptions { RecordCount = 10_000, Seed = 3 }).Generate(), Folder.FullName);
        }

        public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("mpi-learn-population-");

        public FileInfo File(string name) => new(Path.Combine(Folder.FullName, name));

        public void Dispose() => Folder.Delete(recursive: true);
    }

    [Fact]
    public void Run_OracleResolvesReviewTasks_ShrinksReviewBandWritesModelAndChangesAndPrintsNoRecordKey()
    {
        var output = new StringWriter();
        var (learned, changes) = (File("learned.zip"), File("changes.csv"));

        var exit = LearnCommand.Run(Request(labels: null, truth: population.File("truth.csv"), learned, changes), output, TextWriter.Null, Time);

        Assert.Equal(ExitCodes.Success, exit);
        var text = output.ToString();
        var before = Number(text, "review_band before=");
        var after = Number(text, "after=");
        Assert.True(after < before, text);
        Assert.Contains("nothing activated", text);
        Assert.True(learned.Exists && learned.Length > 0);
        var rows = System.IO.File.ReadAllLines(changes.FullName);
        Assert.StartsWith("registry_a,local_id_a,registry_b,local_id_b,", rows[0]);
        Assert.Equal(Number(text, "would_change="), rows.Length - 1);
        // Record keys name patients: they are in the changes file, never on the console.
        Assert.DoesNotContain(rows[1].Split(',')[1], text);
    }

    [Fact]
    public void Run_LabelsFile_TrainsOnTheNamedPairsAndReportsUnknownRecords()
    {
        var byPerson = System.IO.File.ReadLines(population.File("truth.csv").FullName).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => f[2]).ToArray();
        var same = byPerson.Where(g => g.Count() > 1).Take(40).Select(g => (g.First(), g.Skip(1).First(), "same_person"));
        var different = byPerson.Zip(byPerson.Skip(1)).Take(40).Select(p => (p.First.First(), p.Second.First(), "different_person"));
        var labels = File("labels.csv");
        System.IO.File.WriteAllLines(labels.FullName, ["registry_a,local_id_a,registry_b,local_id_b,same_person",
            .. same.Concat(different).Select(p => $"{p.Item1[0]},{p.Item1[1]},{p.Item2[0]},{p.Item2[1]},{p.Item3}"),
            "NOWHERE,X1,NOWHERE,X2,true", "A,B,C,D,perhaps"]);
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exit = LearnCommand.Run(Request(labels, truth: null, File("learned.zip"), changes: null), output, errors, Time);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("labelled=80 same_person=40 different_people=40", output.ToString());
        Assert.Contains("1 labelled pairs name a record not in the input", errors.ToString());
        Assert.Contains("line 83: not a readable verdict", errors.ToString());
    }

    [Fact]
    public void Run_OneVerdictOnly_FailsSayingBothAreNeeded()
    {
        var labels = File("labels.csv");
        System.IO.File.WriteAllLines(labels.FullName, ["registry_a,local_id_a,registry_b,local_id_b,same_person"]);
        var errors = new StringWriter();

        var exit = LearnCommand.Run(Request(labels, truth: null, File("learned.zip"), changes: null), TextWriter.Null, errors, Time);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("pairs of each verdict are needed", errors.ToString());
        Assert.False(File("learned.zip").Exists);
    }

    [Fact]
    public void Parse_StoreWithDatabase_NeedsNoLearnedOut()
    {
        Assert.Empty(CliCommands.Create().Parse(["learn", "--database", "mpi.db", "--store", "--actor", "user:ana"]).Errors);
        Assert.Contains(CliCommands.Create().Parse(["learn", "--input", "r.csv", "--truth", "t.csv", "--store"]).Errors,
            e => e.Message.Contains("--store needs --database", StringComparison.Ordinal));
        Assert.Contains(CliCommands.Create().Parse(["learn", "--database", "mpi.db"]).Errors,
            e => e.Message.Contains("give --learned-out, or --database with --store", StringComparison.Ordinal));
    }

    private LearnRequest Request(FileInfo? labels, FileInfo? truth, FileInfo learned, FileInfo? changes) =>
        new(population.File("records.csv"), labels, truth, Oracle: 150, Model: null, Map: null, learned, changes, Folds: 5);

    private FileInfo File(string name) => new(Path.Combine(_folder.FullName, name));

    private static int Number(string text, string key)
    {
        var start = text.IndexOf(key, StringComparison.Ordinal) + key.Length;
        return int.Parse(text[start..].Split(' ', '\n')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
