using System.Globalization;
using System.Text.RegularExpressions;
using Mpi.Service.Cli;
using Mpi.Tools.Load;

namespace Mpi.Tests.Service.Replicas;

/// <summary>
/// <c>load</c> over two <c>serve</c> replicas on one PostgreSQL database, as an interface engine would call them:
/// round robin spreads the calls over both, a killed replica's share goes to the other, and <c>--lag</c> times how
/// soon one replica's Match sees the other's registrations.
/// </summary>
public sealed partial class LoadOverReplicasTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-load-replicas-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>FEBRL1's records under registry <paramref name="registry"/> (so that each file is new to the database).</summary>
    private FileInfo Records(string registry, int take = 1000)
    {
        var file = new FileInfo(Path.Combine(_folder.FullName, $"{registry}.csv"));
        File.WriteAllLines(file.FullName, File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1", "records.csv")).Take(take + 1)
            .Select((line, n) => n == 0 ? line : line.Replace("F1,", $"{registry},", StringComparison.Ordinal)));
        return file;
    }

    private static async Task<long> RegistrationsAsync(Crash.ServiceProcess replica)
    {
        using var http = new HttpClient { BaseAddress = new Uri(await replica.EndpointAsync(1, TimeSpan.FromSeconds(10))) };
        var text = await http.GetStringAsync("/metrics");
        return RegistrationsLine().Matches(text).Sum(m => (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Load_OverTwoReplicas_SpreadsTheCallsOverBoth_AndLagFindsEveryChangeOnTheOther()
    {
        await using var replicas = await ServeProcesses.LaunchAsync(2);
        var addresses = $"{replicas[0].Address},{replicas[1].Address}";
        var stdout = new StringWriter();
        var errors = new StringWriter();

        // New persons first: a record that links to a person the reading replica already holds would be found at once.
        var lagExit = await LoadCommand.RunAsync(Records("LAG", take: 30), null, addresses, replicas.Key, 1, null, stdout, errors, CancellationToken.None,
            measures: new LoadCommand.LoadMeasures(false, 0, 0, LagChanges: 30));
        var exit = await LoadCommand.RunAsync(Records("SPREAD"), null, addresses, replicas.Key, 4, null, stdout, errors, CancellationToken.None);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ""), (exit, lagExit, errors.ToString()));
        Assert.Contains("records=1000 failed=0", stdout.ToString());
        Assert.Contains("lag changes=30 not_seen=0", stdout.ToString());
        var (first, second) = (await RegistrationsAsync(replicas[0]), await RegistrationsAsync(replicas[1]));
        Assert.True(first >= 300 && second >= 300, $"round robin sent {first} and {second} of 1,000 registrations (+30 on the first for --lag)");
    }

    [Fact]
    public async Task Load_OverTwoReplicas_OneKilled_EveryCallServedByTheOther()
    {
        await using var replicas = await ServeProcesses.LaunchAsync(2);
        var addresses = $"{replicas[0].Address},{replicas[1].Address}";
        await replicas.KillAsync(0);
        var stdout = new StringWriter();
        var errors = new StringWriter();

        var exit = await LoadCommand.RunAsync(Records("FAILOVER"), null, addresses, replicas.Key, 4, null, stdout, errors, CancellationToken.None);

        Assert.Equal((ExitCodes.Success, ""), (exit, errors.ToString()));
        Assert.Contains("records=1000 failed=0", stdout.ToString());
        Assert.Equal(1000, await RegistrationsAsync(replicas[1]));
    }

    [GeneratedRegex(@"^mpi_registrations_total\{[^}]*\} (\S+)", RegexOptions.Multiline)]
    private static partial Regex RegistrationsLine();
}
