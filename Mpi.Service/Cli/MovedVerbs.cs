using System.CommandLine;

namespace Mpi.Service.Cli;

/// <summary>
/// The verbs that moved to the tools project (Mpi.Tools), kept here as hidden names so that someone following an old
/// note is told where they went instead of reading "unrecognized command". They take any arguments and do nothing.
/// </summary>
internal static class MovedVerbs
{
    public static IEnumerable<Command> Create() => new[] { "generate", "load", "evaluate" }.Select(Create);

    private static Command Create(string verb)
    {
        // Hidden from help; the old arguments are accepted unread, so that the one line below is all that is printed.
        var command = new Command(verb, "Moved to Mpi.Tools") { Hidden = true, TreatUnmatchedTokensAsErrors = false };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine($"'{verb}' moved to the tools project: dotnet run -c Release --project Mpi.Tools -- {verb} …");
            return ExitCodes.InputError;
        });
        return command;
    }
}
