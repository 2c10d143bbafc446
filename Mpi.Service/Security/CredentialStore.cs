using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;
using Mpi.Service.Configuration;

namespace Mpi.Service.Security;

/// <summary>
/// Issues, lists, revokes and checks API keys. Credentials are cached (a check on every call must not cost a query)
/// and re-read every <see cref="MpiServiceOptions.CredentialRefreshSeconds"/>, so that a key revoked from the command
/// line while the service runs is refused without a restart; an unknown key id triggers a re-read (at most four a
/// second), so a key issued from the command line works within a quarter of a second. Issuing or revoking through this
/// store takes effect at once.
/// </summary>
public sealed class CredentialStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<MpiServiceOptions>? options = null)
{
    private static readonly TimeSpan UnknownKeyReread = TimeSpan.FromMilliseconds(250);
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds((options?.Value ?? new MpiServiceOptions()).CredentialRefreshSeconds);

    private readonly ConcurrentDictionary<string, (CredentialEntity Entity, CallerCredential Caller)> _byId = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    /// <summary>UTC ticks of the last read (a long, read and written whole across threads); 0 before the first.</summary>
    private long _loadedAtTicks;

    /// <summary>Issues a credential; the returned key is shown once and never stored.</summary>
    /// <exception cref="CredentialNameInUse">A key not revoked holds the name with other registries.</exception>
    public async Task<string> IssueAsync(string name, string registries, string rpcs, CancellationToken cancellation = default)
    {
        // The name is who the audit says acted, and the sender a registry-less exception is shown to: two keys of
        // different registries under one name would blur the one and show each other the other. A second key of the
        // same registries (a key rotated: the new one issued before the old is revoked) may share it.
        await LoadAsync(TimeSpan.Zero, cancellation);
        var granted = CallerCredential.Parse("", name, registries, rpcs).Registries;
        if (_byId.Values.Where(c => c.Entity.RevokedAt is null && c.Entity.Name == name && !c.Caller.Registries.SetEquals(granted))
                .Select(c => c.Entity).FirstOrDefault() is { } holder)
            throw new CredentialNameInUse($"the name {name} is held by key {holder.Id} for other registries ({holder.Registries}): choose another name, or revoke that key first");
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
        _byId[id] = (entity, CallerCredential.Parse(id, name, registries, rpcs));
        return key;
    }

    /// <summary>Whether any credential exists (the first start issues a development one).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellation = default)
    {
        await LoadAsync(_refresh, cancellation);
        return !_byId.IsEmpty;
    }

    /// <summary>The caller a presented key belongs to, or null when the key is unknown, wrong or revoked.</summary>
    public async Task<CallerCredential?> AuthenticateAsync(string? key, CancellationToken cancellation)
    {
        if (!ApiKey.TryParse(key, out var id, out var secret)) return null;
        await LoadAsync(_byId.ContainsKey(id) ? _refresh : UnknownKeyReread, cancellation);
        return _byId.TryGetValue(id, out var found) && found.Entity.RevokedAt is null && ApiKey.Matches(secret, found.Entity.SecretHash)
            ? found.Caller
            : null;
    }

    /// <summary>
    /// Whether an authenticated caller's key is still valid: what a stream checks before each batch it registers, so
    /// that revoking a key reaches calls opened before (from the cache, re-read every refresh interval: a key revoked
    /// from the command line is refused within that interval, one revoked through this store at once).
    /// </summary>
    public async Task<bool> IsStillValidAsync(CallerCredential caller, CancellationToken cancellation)
    {
        await LoadAsync(_refresh, cancellation);
        return _byId.TryGetValue(caller.Id, out var found) && found.Entity.RevokedAt is null;
    }

    /// <summary>Every credential, newest first (hashes only; secrets are never stored).</summary>
    public async Task<IReadOnlyList<CredentialEntity>> ListAsync(CancellationToken cancellation = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        return (await db.Credentials.AsNoTracking().ToListAsync(cancellation)).OrderByDescending(c => c.CreatedAt).ToArray();
    }

    /// <summary>Revokes a credential: its key is refused from then on. False when there is no such credential.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellation = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
        var entity = await db.Credentials.SingleOrDefaultAsync(c => c.Id == id, cancellation);
        if (entity is null) return false;
        entity.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellation);
        _byId[id] = (entity, CallerCredential.Parse(id, entity.Name, entity.Registries, entity.Rpcs));
        return true;
    }

    /// <summary>Re-reads the credentials when the last read is older than <paramref name="maxAge"/>.</summary>
    private async Task LoadAsync(TimeSpan maxAge, CancellationToken cancellation)
    {
        if (Fresh(maxAge)) return;
        await _loading.WaitAsync(cancellation);
        try
        {
            if (Fresh(maxAge)) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MpiDbContext>();
            foreach (var c in await db.Credentials.AsNoTracking().ToListAsync(cancellation))
                _byId[c.Id] = (c, CallerCredential.Parse(c.Id, c.Name, c.Registries, c.Rpcs));
            Volatile.Write(ref _loadedAtTicks, time.GetUtcNow().UtcTicks);
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool Fresh(TimeSpan maxAge) =>
        Volatile.Read(ref _loadedAtTicks) is var ticks && ticks != 0 && time.GetUtcNow().UtcTicks - ticks < maxAge.Ticks;
}
