namespace Mpi.Service.Persistence;

/// <summary>
/// The connection string of the service's SQLite file, for the service's contexts, its own read connections and the
/// CLI verbs that open the same file: the path made absolute, and a 30-second busy timeout so that a writer in another
/// process is waited for instead of failing at once.
/// </summary>
public static class SqliteConnectionStrings
{
    public static string For(string databasePath, bool readOnly = false) =>
        $"Data Source={Path.GetFullPath(databasePath)};{(readOnly ? "Mode=ReadOnly;" : "")}Default Timeout=30";
}
