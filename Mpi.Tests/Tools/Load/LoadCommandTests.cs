using Mpi.Matching.Evaluation;
using Mpi.Service.Cli;
using Mpi.Tests.Service.Grpc;
using Mpi.Tools.Load;

namespace Mpi.Tests.Tools.Load;

/// <summary>FEBRL1 registered through the real service, one record per call from four callers, scored pairwise.</summary>
public sealed class LoadCommandTests(RunningService service) : IClassFixture<RunningService>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-load-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_Febrl1ThroughTheService_KeepsPrecisionWithTheShippedModel()
    {
        var febrl1 = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");
        var output = new FileInfo(Path.Combine(_folder.FullName, "clusters.csv"));
        var stdout = new StringWriter();

        var exit = await LoadCommand.RunAsync(new FileInfo(Path.Combine(febrl1, "records.csv")), null, service.Address, service.ApiKey, 4, output, stdout, TextWriter.Null, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exit);
        var truth = File.ReadLines(Path.Combine(febrl1, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
        var rows = File.ReadLines(output.FullName).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(1000, rows.Length);
        var evaluation = PairwiseEvaluation.Compute(rows.Select(r => truth[(r[0], r[1])]).ToArray(), rows.Select(r => r[2]).ToArray());
        Assert.True(evaluation.Precision >= 0.999, $"precision {evaluation.Precision:F5}");
        Assert.True(evaluation.Recall >= 0.90, $"recall {evaluation.Recall:F5}");
        Assert.Contains("records=1000 failed=0", stdout.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mpi_000000000000.not-a-key")]
    public async Task Load_WithoutAValidKey_SaysSoOnceAndStops(string? key)
    {
        var febrl1 = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");
        var errors = new StringWriter();

        var exit = await LoadCommand.RunAsync(new FileInfo(Path.Combine(febrl1, "records.csv")), null, service.Address, key, 4, null,
            TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(ExitCodes.InputError, exit);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("API key", line);
    }

    [Fact]
    public async Task Load_ReadPersons_ReadsEveryRegisteredRecordsPerson()
    {
        var file = new FileInfo(Path.Combine(_folder.FullName, "three.csv"));
        File.WriteAllLines(file.FullName, File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1", "records.csv")).Take(4)
            .Select((line, n) => n == 0 ? line : line.Replace("F1,", "READS,", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Success, await LoadCommand.RunAsync(file, null, service.Address, service.ApiKey, 2, null, TextWriter.Null, TextWriter.Null,
            CancellationToken.None));
        var stdout = new StringWriter();

        var exit = await LoadCommand.RunAsync(file, null, service.Address, service.ApiKey, 2, null, stdout, TextWriter.Null, CancellationToken.None,
            measures: new LoadCommand.LoadMeasures(false, 6, 0, ReadPersons: true));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("read_persons callers=2 calls=6 failed=0", stdout.ToString());
    }
}
