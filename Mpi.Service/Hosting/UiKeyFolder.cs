namespace Mpi.Service.Hosting;

/// <summary>
/// The folder beside a SQLite database that keeps the review UI's sign-in keys. It is made (readable by the service's
/// user only) when the service prepares to serve, not when the host is built: a <c>serve</c> refused at start (a port
/// in use, a keyless MLLP listener) leaves the folder it was run in as it found it.
/// </summary>
public sealed record UiKeyFolder(string Path)
{
    public static UiKeyFolder Beside(string databaseFile) =>
        new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databaseFile))!, "mpi-ui-keys"));

    public void Create()
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Path);
        else Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
