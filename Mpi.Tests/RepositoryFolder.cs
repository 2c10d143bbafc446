namespace Mpi.Tests;

/// <summary>The working tree the tests were built from: the nearest folder above the test binaries holding Mpi.sln.</summary>
public static class RepositoryFolder
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mpi.sln"))) return dir.FullName;
        throw new InvalidOperationException("the tests do not run inside the repository");
    }
}
