using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Security;

/// <summary>
/// Issues and checks API keys. Credentials are read from the database once and cached (a check on every call must
/// not cost a query); issuing or revoking through this store keeps the cache true.
/// </summary>
public sealed class CredentialStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (CredentialEntity Entity, CallerCredential Caller)> _byId = new();
    private volatile bool _loaded;

    /// <summary>Issues a credential; the returned key is shown once and never stored.</summary>
    public async Task<string> IssueAsync(string name, string registries, string rpcs, CancellationToken cancellation = default)
    {
        var (id, key, hash) = ApiKey.Create();
        var entity = new CredentialEntity
        {
            Id = id, Name = name, SecretHash = hash, Registries = registries, Rpcs = rpcs, CreatedAt = time.GetUtcNow(),
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
            db.Credentials.Add(entity);
            await db.SaveChangesAsync(cancellation);
        }
        _byId[id] = (entity, CallerCredential.Parse(name, registries, rpcs));
        return key;
    }

    /// <summary>Whether any credential exists (the first start issues a development one).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellation = default)
    {
        await LoadAsync(cancellation);
        return !_byId.IsEmpty;
    }

    /// <summary>The caller a presented key belongs to, or null when the key is unknown, wrong or revoked.</summary>
    public async Task<CallerCredential?> AuthenticateAsync(string? key, CancellationToken cancellation)
    {
        if (!ApiKey.TryParse(key, out var id, out var secret)) return null;
        await LoadAsync(cancellation);
        return _byId.TryGetValue(id, out var found) && found.Entity.RevokedAt is null && ApiKey.Matches(secret, found.Entity.SecretHash)
            ? found.Caller
            : null;
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        if (_loaded) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        foreach (var c in await db.Credentials.AsNoTracking().ToListAsync(cancellation))
            _byId.TryAdd(c.Id, (c, CallerCredential.Parse(c.Name, c.Registries, c.Rpcs)));
        _loaded = true;
    }
}
