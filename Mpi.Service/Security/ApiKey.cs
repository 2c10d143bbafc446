using System.Security.Cryptography;
using System.Text;

namespace Mpi.Service.Security;

/// <summary>
/// API keys of the form <c>mpi_{id}.{secret}</c>: a public id to find the credential and 32 random bytes of secret.
/// Only SHA-256 of the secret is stored: a key is random and long, so a fast hash does not let anyone guess it back
/// (a slow password hash is for low-entropy secrets), and checking stays cheap on every call.
/// </summary>
public static class ApiKey
{
    private const string Prefix = "mpi_";

    public static (string Id, string Key, string SecretHash) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}.{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into id and secret; false when it is not shaped like a key.</summary>
    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var dot = key.IndexOf('.', Prefix.Length);
        if (dot <= Prefix.Length || dot == key.Length - 1) return false;
        id = key[Prefix.Length..dot];
        secret = key[(dot + 1)..];
        return true;
    }

    /// <summary>The credential id in what an operator pasted: the id itself, <c>mpi_{id}</c>, or a whole key.</summary>
    public static string IdOf(string idOrKey)
    {
        var id = idOrKey.Trim();
        if (id.StartsWith(Prefix, StringComparison.Ordinal)) id = id[Prefix.Length..];
        var dot = id.IndexOf('.');
        return dot < 0 ? id : id[..dot];
    }

    public static bool Matches(string secret, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(secretHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
