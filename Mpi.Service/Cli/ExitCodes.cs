namespace Mpi.Service.Cli;

/// <summary>Process exit codes of the batch verbs, so that a scheduler can tell "done" from "done, with rejects".</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The run finished; some rows could not be read (reported with line numbers) and were left out.</summary>
    public const int SomeRowsRejected = 3;
    /// <summary>Nothing was done: the file, the model or an option is unusable.</summary>
    public const int InputError = 2;
}
