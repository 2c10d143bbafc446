using Microsoft.AspNetCore.Identity;

namespace Mpi.ReviewUi.Accounts;

/// <summary>Password hashes with ASP.NET Core Identity's hasher (PBKDF2, salted, versioned format).</summary>
public sealed class ReviewerPasswords
{
    /// <summary>Shorter passwords are refused when a user is created.</summary>
    public const int MinimumLength = 12;

    private static readonly ReviewerAccount Subject = new("", "", "");
    private readonly PasswordHasher<ReviewerAccount> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(Subject, password);

    /// <summary>Longer passwords are refused before hashing: PBKDF2 over a megabyte would be the caller's to spend.</summary>
    public const int MaximumLength = 1024;

    // A hash nobody's password matches, checked for unknown user names: the answer then costs what a known name's
    // does, so the time it takes does not tell which user names exist.
    private readonly Lazy<string> _decoy;

    public ReviewerPasswords() => _decoy = new(() => Hash(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    public bool Verify(ReviewerAccount account, string password) =>
        account.DisabledAt is null && _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>As <see cref="Verify"/>, spending the same work when there is no such account (false then).</summary>
    public bool VerifyOrSpend(ReviewerAccount? account, string password)
    {
        if (account is not null) return Verify(account, password);
        _hasher.VerifyHashedPassword(Subject, _decoy.Value, password);
        return false;
    }
}
