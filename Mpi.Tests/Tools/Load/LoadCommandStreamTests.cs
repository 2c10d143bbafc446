using Mpi.Matching.Evaluation;
using Mpi.Service.Cli;
using Mpi.Tests.Service.Grpc;
using Mpi.Tools.Load;

namespace Mpi.Tests.Tools.Load;

/// <summary>The load command's other modes against the real service: RegisterStream from two callers, then Match, each after the empty-RPC baseline.</summary>
public sealed class LoadCommandStreamTests(RunningService service) : IClassFixture<RunningService>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-load-stream-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_Febrl1OverRegisterStreamThenMatch_StoresEveryRecordAndReportsBothNextToTheBaseline()
    {
        var febrl1 = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");
        var records = new FileInfo(Path.Combine(febrl1, "records.csv"));
        var output = new FileInfo(Path.Combine(_folder.FullName, "clusters.csv"));
        var registered = new StringWriter();
        var matched = new StringWriter();

        var registerExit = await LoadCommand.RunAsync(records, null, service.Address, service.ApiKey, 2, output, registered, TextWriter.Null,
            CancellationToken.None, stream: true, new LoadCommand.LoadMeasures(Match: false, MatchCalls: 0, BaselineCalls: 200));
        var matchExit = await LoadCommand.RunAsync(records, null, service.Address, service.ApiKey, 2, null, matched, TextWriter.Null,
            CancellationToken.None, measures: new LoadCommand.LoadMeasures(Match: true, MatchCalls: 50, BaselineCalls: 200));

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (registerExit, matchExit));
        var truth = File.ReadLines(Path.Combine(febrl1, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
        var rows = File.ReadLines(output.FullName).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(1000, rows.Length);
        var evaluation = PairwiseEvaluation.Compute(rows.Select(r => truth[(r[0], r[1])]).ToArray(), rows.Select(r => r[2]).ToArray());
        Assert.True(evaluation.Precision >= 0.999, $"precision {evaluation.Precision:F5}");
        Assert.StartsWith("empty_rpc callers=2 calls=200 failed=0", registered.ToString());
        Assert.Contains("records=1000 failed=0", registered.ToString());
        Assert.StartsWith("empty_rpc callers=2 calls=200 failed=0", matched.ToString());
        Assert.Contains("match callers=2 calls=50 failed=0", matched.ToString());
    }
}
