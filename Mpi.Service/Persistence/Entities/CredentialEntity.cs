namespace Mpi.Service.Persistence.Entities;

/// <summary>
/// A caller's credential (an interface engine's API key): only the key's SHA-256 is stored. It names the registries
/// the caller may write and the RPCs it may call ("*" for all).
/// </summary>
public sealed class CredentialEntity
{
    /// <summary>The public part of the key (it prefixes the secret), used to find the credential.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the secret part.</summary>
    public required string SecretHash { get; set; }
    /// <summary>Comma-separated registry codes, or "*".</summary>
    public required string Registries { get; set; }
    /// <summary>Comma-separated RPC names (e.g. Register,Match), or "*".</summary>
    public required string Rpcs { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
