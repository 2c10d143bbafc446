using System.CommandLine;
using Mpi.Tools.Synthetic;
using Mpi.Tests.Service.Csv;

namespace Mpi.Tests.Tools.Synthetic;

public sealed class GenerateCommandTests
{
    [Fact]
    public void Invoke_SameSeedTwice_WritesIdenticalFiles()
    {
        using var directory = new TemporaryDirectory();
        var tables = directory.Combine("freq");
        Directory.CreateDirectory(tables);
        SomeFrequencyTables.WriteTo(tables);

        var (first, firstOutput, _) = Invoke("--count", "2500", "--output", directory.Combine("a"), "--freq-dir", tables, "--seed", "3");
        var (second, _, _) = Invoke("--count", "2500", "--output", directory.Combine("b"), "--freq-dir", tables, "--seed", "3");
        var (third, _, _) = Invoke("--count", "2500", "--output", directory.Combine("c"), "--freq-dir", tables, "--seed", "4");

        Assert.Equal((0, 0, 0), (first, second, third));
        Assert.Contains("wrote 2,500 records", firstOutput);
        foreach (var file in new[] { "records.csv", "truth.csv", "traps.csv" })
        {
            var a = File.ReadAllBytes(Path.Combine(directory.Combine("a"), file));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(directory.Combine("b"), file)));
            Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(directory.Combine("c"), file)));
        }

        Assert.Equal(2_501, File.ReadAllLines(Path.Combine(directory.Combine("a"), "records.csv")).Length);
    }

    [Fact]
    public void Invoke_DuplicateRateOption_IsHonoured()
    {
        using var directory = new TemporaryDirectory();
        var tables = directory.Combine("freq");
        Directory.CreateDirectory(tables);
        SomeFrequencyTables.WriteTo(tables);

        var (exit, output, _) = Invoke("--count", "4000", "--output", directory.Path, "--freq-dir", tables, "--duplicate-rate", "0.1");

        Assert.Equal(0, exit);
        var persons = File.ReadAllLines(directory.Combine("truth.csv")).Skip(1).Select(line => line.Split(',')[2]).Distinct().Count();
        Assert.InRange(1 - (persons / 4000.0), 0.08, 0.12);
        Assert.Contains("duplicates", output);
    }

    [Fact]
    public void Invoke_MissingFrequencyDirectory_FailsWithAClearMessage()
    {
        using var directory = new TemporaryDirectory();

        var (exit, _, error) = Invoke("--count", "10", "--output", directory.Path, "--freq-dir", directory.Combine("nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("nowhere does not exist", error);
        Assert.False(File.Exists(directory.Combine("records.csv")));
    }

    [Theory]
    [InlineData("--output", "x")]
    [InlineData("--count", "0", "--output", "x")]
    [InlineData("--count", "10", "--output", "x", "--duplicate-rate", "0.95")]
    public void Invoke_BadArguments_ReturnsNonZero(params string[] args)
    {
        var (exit, _, error) = Invoke(args);

        Assert.NotEqual(0, exit);
        Assert.NotEmpty(error);
    }

    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = GenerateCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
