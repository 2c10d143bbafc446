using System.Collections.Frozen;

namespace Mpi.Service.Security;

/// <summary>An authenticated caller: its name (for the audit trail) and what it may do.</summary>
/// <param name="Id">The key's public id: a long-lived call (a stream) re-checks by it that the key was not revoked since.</param>
public sealed record CallerCredential(string Id, string Name, FrozenSet<string> Registries, FrozenSet<string> Rpcs)
{
    public const string All = "*";

    public bool MayWrite(string registry) => Registries.Contains(All) || Registries.Contains(registry);

    public bool MayCall(string rpc) => Rpcs.Contains(All) || Rpcs.Contains(rpc);

    public static CallerCredential Parse(string id, string name, string registries, string rpcs) => new(id, name, Split(registries), Split(rpcs));

    private static FrozenSet<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
}
