using System.CommandLine;
using Mpi.Tools.Evaluation;
using Mpi.Tools.Load;
using Mpi.Tools.Synthetic;

namespace Mpi.Tools;

/// <summary>The command line of the Mpi.Tools executable: the workshop's verbs, one per job.</summary>
public static class ToolCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Master Patient Index tools: a synthetic population, a load test of a running service, " +
            "and the evaluation of a labelled file with its HTML report. The service itself is Mpi.Service.");
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(LoadCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        return root;
    }
}
