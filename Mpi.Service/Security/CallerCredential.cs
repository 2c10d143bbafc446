using System.Collections.Frozen;

namespace Mpi.Service.Security;

/// <summary>An authenticated caller: its name (for the audit trail) and what it may do.</summary>
public sealed record CallerCredential(string Name, FrozenSet<string> Registries, FrozenSet<string> Rpcs)
{
    public const string All = "*";

    public bool MayWrite(string registry) => Registries.Contains(All) || Registries.Contains(registry);

    public bool MayCall(string rpc) => Rpcs.Contains(All) || Rpcs.Contains(rpc);

    public static CallerCredential Parse(string name, string registries, string rpcs) => new(name, Split(registries), Split(rpcs));

    private static FrozenSet<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
}
