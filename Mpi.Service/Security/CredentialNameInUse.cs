namespace Mpi.Service.Security;

/// <summary>Refused: a key not revoked holds the name with other registries (<see cref="CredentialStore.IssueAsync"/>).</summary>
public sealed class CredentialNameInUse(string message) : Exception(message);
