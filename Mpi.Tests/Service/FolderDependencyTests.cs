using System.Text.RegularExpressions;

namespace Mpi.Tests.Service;

/// <summary>
/// The service's folders depend on one another one way (the faces on the core, the core on persistence), never in a
/// loop. Read from the sources: a <c>using Mpi.Service.X</c>, or a name qualified with <c>Mpi.Service.X.</c>, in a
/// file of folder Y makes Y depend on X.
/// </summary>
public sealed partial class FolderDependencyTests
{
    [Fact]
    public void ServiceFolders_DependOnOneAnotherWithoutALoop()
    {
        var dependencies = FolderDependencies(Path.Combine(RepositoryFolder.Root(), "Mpi.Service"));
        Assert.Contains("Matching", dependencies["Grpc"]); // the sources were read: a face depends on the core

        var loops = Loops(dependencies);

        Assert.True(loops.Count == 0, "folders in a loop: " + string.Join("; ", loops.Select(loop => string.Join(", ", loop))));
    }

    private static Dictionary<string, HashSet<string>> FolderDependencies(string project)
    {
        var dependencies = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(project, file).Split(Path.DirectorySeparatorChar);
            if (relative[0] is "bin" or "obj" || relative.Length == 1) continue;
            var folder = relative[0];
            var uses = dependencies.TryGetValue(folder, out var found) ? found : dependencies[folder] = [];
            foreach (Match name in ServiceName().Matches(File.ReadAllText(file)))
                if (name.Groups[1].Value != folder) uses.Add(name.Groups[1].Value);
        }
        return dependencies;
    }

    /// <summary>Each set of two or more folders that reach one another, sorted.</summary>
    private static List<string[]> Loops(Dictionary<string, HashSet<string>> dependencies)
    {
        var reach = dependencies.Keys.ToDictionary(folder => folder, folder => Reachable(folder, dependencies));
        return dependencies.Keys
            .Select(folder => reach[folder].Where(other => reach.TryGetValue(other, out var back) && back.Contains(folder)).Append(folder)
                .Distinct().Order().ToArray())
            .Where(loop => loop.Length > 1)
            .DistinctBy(loop => string.Join(",", loop))
            .ToList();
    }

    private static HashSet<string> Reachable(string from, Dictionary<string, HashSet<string>> dependencies)
    {
        var seen = new HashSet<string>();
        var next = new Stack<string>([from]);
        while (next.TryPop(out var folder))
            foreach (var used in dependencies.GetValueOrDefault(folder) ?? [])
                if (seen.Add(used)) next.Push(used);
        return seen;
    }

    /// <summary>A folder's namespace in a using or a qualified type name (an upper-case letter after it: not a resource name in a string).</summary>
    [GeneratedRegex(@"\bMpi\.Service\.([A-Z]\w*)(?:;|\.[A-Z])")]
    private static partial Regex ServiceName();
}
