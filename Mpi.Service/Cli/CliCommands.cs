using System.CommandLine;

namespace Mpi.Service.Cli;

/// <summary>The command line of the Mpi.Service executable: one verb per job.</summary>
public static class CliCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Master Patient Index: patient identity matching. Without a verb it serves gRPC; the batch verbs run on CSV files of the canonical columns.");
        ServeCommand.MakeDefault(root);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DedupeCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(LearnCommand.Create());
        root.Subcommands.Add(CredentialsCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        foreach (var moved in MovedVerbs.Create()) root.Subcommands.Add(moved);
        return root;
    }
}
