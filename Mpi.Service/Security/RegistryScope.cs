using System.Collections.Frozen;

namespace Mpi.Service.Security;

/// <summary>
/// The registries a caller's key is granted (docs/decisions.md, "Visibility across registries"): it writes only their
/// records, sees the review tasks whose incoming record is theirs, and sees a person — its id, golden view and its
/// own registries' records — only when the person has a record in them. A key granted every registry (<c>*</c>) is
/// steward-wide; so is a caller the service did not authenticate by key (the review UI's signed-in roles, CLI verbs).
/// </summary>
public sealed class RegistryScope
{
    private readonly FrozenSet<string>? _registries;

    private RegistryScope(FrozenSet<string>? registries) => _registries = registries;

    /// <summary>Every registry: steward-wide keys and callers not scoped by a key.</summary>
    public static RegistryScope Everything { get; } = new(null);

    public static RegistryScope Of(CallerCredential? caller) =>
        caller is null || caller.Registries.Contains(CallerCredential.All) ? Everything : new RegistryScope(caller.Registries);

    /// <summary>The registries listed (a review clerk's assigned ones), or every registry for null.</summary>
    public static RegistryScope Within(IEnumerable<string>? registries) => registries is null ? Everything : new RegistryScope(registries.ToFrozenSet());

    public bool IsEverything => _registries is null;

    /// <summary>The registries granted, or null for every registry (to filter a query by).</summary>
    public IReadOnlyCollection<string>? Registries => _registries;

    public bool Sees(string registry) => _registries is null || _registries.Contains(registry);

    /// <summary>True when one of these registries is in scope: a person with a record there is visible.</summary>
    public bool SeesAny(IEnumerable<string> registries) => _registries is null || registries.Any(_registries.Contains);

    /// <summary>True when every one of these registries is in scope: a change that moves those records is allowed.</summary>
    public bool SeesAll(IEnumerable<string> registries) => _registries is null || registries.All(_registries.Contains);
}
