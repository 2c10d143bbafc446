using Mpi.Service.Cli;
using Mpi.Tests.Service.Hardening;
using Mpi.Tools.Load;

namespace Mpi.Tests.Tools.Load;

/// <summary>
/// `load` against a service that sheds Registers beyond its rate: each shed call waits the RetryInfo delay and goes
/// again, as an interface engine's would, so a file is registered whole. Its own service, so that no other test has
/// spent the rate's burst.
/// </summary>
public sealed class LoadUnderRateTests(RateBoundService service) : IClassFixture<RateBoundService>
{
    [Fact]
    public async Task Load_FasterThanTheRate_WaitsAsAskedAndLosesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("mpi-rate-");
        try
        {
            var file = new FileInfo(Path.Combine(folder.FullName, "records.csv"));
            File.WriteAllLines(file.FullName, File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1", "records.csv")).Take(41)
                .Select((line, n) => n == 0 ? line : line.Replace("F1,", "RATED,", StringComparison.Ordinal)));
            var stdout = new StringWriter();

            var exit = await LoadCommand.RunAsync(file, null, service.Address, service.ApiKey, 8, null, stdout, TextWriter.Null, CancellationToken.None);

            Assert.Equal(ExitCodes.Success, exit);
            Assert.Contains("records=40 failed=0", stdout.ToString());
            Assert.DoesNotContain("shed_and_retried=0 ", stdout.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
