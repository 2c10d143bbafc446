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

    public bool Verify(ReviewerAccount account, string password) =>
        account.DisabledAt is null && _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
}
