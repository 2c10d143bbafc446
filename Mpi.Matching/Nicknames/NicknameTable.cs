using System.Collections.ObjectModel;

namespace Mpi.Matching.Nicknames;

/// <summary>
/// Given-name equivalence by nickname: ROBERT, BOB, BOBBY, ROB... form one group, and two names are
/// equivalent when they share a group. A nickname may belong to several groups (AL is in ALBERT's,
/// ALFRED's, ALAN's and ALEXANDER's), so equivalence is symmetric but not transitive: BOBBIE is in ROBERT's
/// and BARBARA's groups, yet ROBERT and BARBARA are not equivalent.
/// </summary>
/// <remarks>
/// Lookups ignore case (callers normally pass normalised upper-case names) and never allocate: the
/// group lists are built once and shared. An instance is immutable and safe to share across threads.
/// </remarks>
public sealed class NicknameTable
{
    private const string ResourceName = "Mpi.Matching.Nicknames.nicknames.csv";

    private static readonly Lazy<NicknameTable> LazyDefault = new(LoadDefault);

    private readonly Dictionary<string, GroupIds> _groupsByName;

    private NicknameTable(Dictionary<string, GroupIds> groupsByName, int groupCount)
    {
        _groupsByName = groupsByName;
        GroupCount = groupCount;
    }

    /// <summary>The project's own table (<c>Nicknames/nicknames.csv</c>, embedded), loaded on first use.</summary>
    public static NicknameTable Default => LazyDefault.Value;

    /// <summary>How many equivalence groups (formal-name lines) the table has.</summary>
    public int GroupCount { get; }

    /// <summary>
    /// Builds a table from text in the <c>FORMAL,NICK1,NICK2,...</c> format; group ids are line order from 0.
    /// </summary>
    /// <exception cref="FormatException">A line is malformed or repeats a formal name.</exception>
    public static NicknameTable Parse(TextReader reader)
    {
        var groups = NicknameCsvReader.ReadGroups(reader);

        var idsByName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var id = 0; id < groups.Count; id++)
        {
            foreach (var name in groups[id])
            {
                if (!idsByName.TryGetValue(name, out var ids))
                {
                    ids = [];
                    idsByName.Add(name, ids);
                }

                // Ids are added in increasing order and a line holds no repeats, so each list stays
                // sorted and distinct: AreEquivalent relies on that for its merge.
                ids.Add(id);
            }
        }

        var groupsByName = new Dictionary<string, GroupIds>(idsByName.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, ids) in idsByName)
        {
            groupsByName.Add(name, new GroupIds([.. ids]));
        }

        return new NicknameTable(groupsByName, groups.Count);
    }

    /// <summary>
    /// The ids of the groups <paramref name="name"/> belongs to, ascending; empty for a name the table does
    /// not know. The returned list is shared and read-only.
    /// </summary>
    public IReadOnlyList<int> GroupsOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _groupsByName.TryGetValue(name, out var groups) ? groups.View : GroupIds.None.View;
    }

    /// <summary>
    /// True when the two names share a group, or are the same name (ignoring case). A name the table
    /// does not know is equivalent only to itself.
    /// </summary>
    public bool AreEquivalent(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return _groupsByName.TryGetValue(a, out var groupsOfA)
            && _groupsByName.TryGetValue(b, out var groupsOfB)
            && ShareAny(groupsOfA.Ids, groupsOfB.Ids);
    }

    // Both arrays are sorted ascending and hold a handful of ids, so a merge walk beats any set.
    private static bool ShareAny(int[] left, int[] right)
    {
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                return true;
            }

            if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    private static NicknameTable LoadDefault()
    {
        using var stream = typeof(NicknameTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Mpi.Matching.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    // The raw array serves the merge in AreEquivalent; the read-only view is what GroupsOf hands out, so
    // callers cannot alter the table through it and no wrapper is allocated per call.
    private sealed class GroupIds(int[] ids)
    {
        public static readonly GroupIds None = new([]);

        public int[] Ids { get; } = ids;

        public ReadOnlyCollection<int> View { get; } = new(ids);
    }
}
