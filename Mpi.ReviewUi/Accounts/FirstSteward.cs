using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mpi.ReviewUi.Hosting;

namespace Mpi.ReviewUi.Accounts;

/// <summary>
/// On a database without UI users, creates the first steward: the configured one, or a development steward whose
/// random password goes to standard output once (not to the log: it is a secret, and logs are shipped elsewhere).
/// </summary>
public static class FirstSteward
{
    public const string DevelopmentUserName = "steward";

    public static async Task EnsureAsync(IServiceProvider services, TextWriter console, CancellationToken cancellation)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IReviewerDirectory>();
        if (await directory.AnyAsync(cancellation)) return;
        var options = scope.ServiceProvider.GetRequiredService<IOptions<ReviewUiOptions>>().Value;
        var passwords = scope.ServiceProvider.GetRequiredService<ReviewerPasswords>();
        if (options.FirstStewardUserName is { Length: > 0 } name && options.FirstStewardPassword is { Length: > 0 } password)
        {
            await directory.CreateAsync(new ReviewerAccount(name, ReviewerRoles.Steward, passwords.Hash(password)), "configuration", cancellation);
            return;
        }
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        await directory.CreateAsync(new ReviewerAccount(DevelopmentUserName, ReviewerRoles.Steward, passwords.Hash(generated)), "first start", cancellation);
        await console.WriteLineAsync($"Development review UI steward (shown once): user {DevelopmentUserName}, password {generated}");
    }
}
