namespace Mpi.Service.Security;

/// <summary>
/// On the very first start (no credential yet) issues one credential for every registry and RPC and prints it, so the
/// quick start works with one command. It goes to standard output, not to the log: it is a secret, and logs are
/// shipped elsewhere. Revoke it and issue per-engine keys before go-live.
/// </summary>
public static class DevelopmentCredential
{
    public static async Task IssueOnFirstStartAsync(CredentialStore credentials, TextWriter console, CancellationToken cancellation)
    {
        if (await credentials.AnyAsync(cancellation)) return;
        var key = await credentials.IssueAsync("development", CallerCredential.All, CallerCredential.All, cancellation);
        await console.WriteLineAsync($"Development API key (all registries, all RPCs; shown once): {key}");
        await console.WriteLineAsync("Send it as gRPC metadata: authorization: Bearer <key>");
    }
}
