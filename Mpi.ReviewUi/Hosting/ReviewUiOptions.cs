using System.ComponentModel.DataAnnotations;

namespace Mpi.ReviewUi.Hosting;

/// <summary>The review UI's settings, bound from the <c>Mpi:ReviewUi</c> configuration section.</summary>
public sealed class ReviewUiOptions
{
    public const string Section = "Mpi:ReviewUi";

    /// <summary>
    /// The first steward, created on a database without UI users. Without it, a steward named <c>steward</c> with a
    /// random password is created and the password printed once (the quick start's one command).
    /// </summary>
    public string? FirstStewardUserName { get; set; }

    /// <summary>The first steward's password (from a secret store or the environment, never a committed file).</summary>
    [MinLength(ReviewUi.Accounts.ReviewerPasswords.MinimumLength)]
    public string? FirstStewardPassword { get; set; }

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 60;

    /// <summary>Refused sign-ins for one user name within <see cref="LockoutMinutes"/> after which it is locked out.</summary>
    [Range(1, 100)]
    public int MaxRefusedSignIns { get; set; } = 5;

    /// <summary>How long refused sign-ins count against a user name (password guessing).</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// The reverse proxies that end TLS in front of the UI (addresses or CIDR ranges, e.g. <c>10.0.4.7</c>,
    /// <c>10.0.4.0/24</c>): their <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed, so a request that
    /// came over HTTPS is one here and the sign-in and anti-forgery cookies are marked Secure (the service itself serves
    /// plain HTTP, so without this they never were). None by default: nobody's forwarded headers are believed.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>How many recent match scores the threshold preview draws.</summary>
    [Range(100, 1_000_000)]
    public int PreviewScores { get; set; } = 20_000;
}
