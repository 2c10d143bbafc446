using System.Text.RegularExpressions;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// The RPC × key-scope table in docs/service.md names every RPC of the contract and nothing else (issue: hardening,
/// item 1): a new RPC cannot ship without saying what a registry-scoped key may do with it, and a removed or renamed
/// one does not linger. <see cref="RegistryScopeTests"/> checks what the table says against the running service.
/// </summary>
public sealed partial class ScopeTableTests
{
    private static IReadOnlySet<string> ContractRpcNames() => ContractRpcs.All().Select(rpc => rpc.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The backticked names in the first column of the docs/service.md table headed "| RPC |".</summary>
    private static IReadOnlyList<string> TableRpcNames()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFolder.Root(), "docs", "service.md"));
        var header = Array.FindIndex(lines, l => FirstCell(l) == "RPC");
        Assert.True(header >= 0, "docs/service.md has no table whose first column is headed RPC");
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .SelectMany(row => Backticked().Matches(FirstCell(row)!).Select(m => m.Groups[1].Value))];
    }

    private static string? FirstCell(string line) => line.StartsWith('|') ? line.Split('|')[1].Trim() : null;

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [Fact]
    public void ScopeTable_EveryRpcOfTheContract_HasARow()
    {
        // The table names RPCs without their service, so a name must not repeat across services.
        Assert.Equal(ContractRpcs.All().Count(), ContractRpcNames().Count);
        var missing = ContractRpcNames().Except(TableRpcNames()).Order(StringComparer.Ordinal);

        Assert.Empty(missing);
    }

    [Fact]
    public void ScopeTable_EveryRowsRpc_IsInTheContract()
    {
        var unknown = TableRpcNames().Except(ContractRpcNames()).Order(StringComparer.Ordinal);

        Assert.Empty(unknown);
    }
}
