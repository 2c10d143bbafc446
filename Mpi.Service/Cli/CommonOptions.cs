using System.CommandLine;

namespace Mpi.Service.Cli;

/// <summary>Options several verbs share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo> Input() => new("--input", "-i")
    {
        Description = "CSV file with the canonical columns (header row required; registry and local_id mandatory)",
        Required = true,
    };

    public static Option<string?> Map() => new("--map")
    {
        Description = "Rename the file's headers to canonical ones, e.g. surname=family_name,postcode=postal_code",
    };

    public static Option<FileInfo?> Model() => new("--model", "-m")
    {
        Description = "Model JSON to use; without it the model is trained on the input by EM (no labels)",
    };

    public static Option<FileInfo?> ModelOut(bool required = false) => new("--model-out")
    {
        Description = "Write the (trained) model JSON here",
        Required = required,
    };
}
