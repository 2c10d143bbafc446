using System.CommandLine;
using Mpi.Service.Cli;

namespace Mpi.Tests.Service.Cli;

/// <summary>An old note's <c>Mpi.Service -- load …</c> is told where the verb went, and nothing runs.</summary>
public sealed class MovedVerbsTests
{
    [Theory]
    [InlineData("generate", "--count", "10", "--output", "pop")]
    [InlineData("load", "--input", "records.csv", "--concurrency", "8")]
    [InlineData("evaluate", "--input", "records.csv", "--truth", "truth.csv")]
    public void MovedVerb_WithItsOldArguments_SaysWhereItWentAndExitsWithTheUsageCode(string verb, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = CliCommands.Create().Parse([verb, .. arguments]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Equal($"'{verb}' moved to the tools project: dotnet run -c Release --project Mpi.Tools -- {verb} …", error.ToString().Trim());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Help_DoesNotListTheMovedVerbs()
    {
        using var output = new StringWriter();

        CliCommands.Create().Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });

        Assert.DoesNotContain("generate", output.ToString());
        Assert.DoesNotContain("evaluate", output.ToString());
        Assert.Contains("dedupe", output.ToString());
    }
}
