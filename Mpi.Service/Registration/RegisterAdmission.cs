using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;

namespace Mpi.Service.Registration;

/// <summary>
/// Whether a unary Register may join the writer's queue now: not when <see cref="MpiServiceOptions.MaxWriteQueue"/>
/// registrations already wait for it, nor beyond <see cref="MpiServiceOptions.MaxRegistersPerSecond"/> (a token
/// bucket refilled every 100 ms, holding one second's worth). The rate is what keeps Match's latency under an
/// overload: every admitted registration also costs CPU outside the writer (decoding, normalising, answering), taken
/// from the Matches on the same cores. RegisterStream (bulk loads) is bounded by its stream limits instead.
/// </summary>
public sealed class RegisterAdmission : IDisposable
{
    /// <summary>The delay a refused caller is asked to wait (google.rpc.RetryInfo).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(250);

    /// <summary>Why a Register was refused: the metrics label and the caller's message.</summary>
    public sealed record Refusal(string Reason, string Message);

    private static readonly Refusal QueueFull = new("writer busy", "the registration writer is at capacity: retry after the hinted delay");
    private static readonly Refusal OverRate = new("register rate", "registrations arrive faster than this service admits: retry after the hinted delay");

    private readonly RegistrationBatcher _batcher;
    private readonly int _maxQueue;
    private readonly TokenBucketRateLimiter? _rate;

    public RegisterAdmission(RegistrationBatcher batcher, IOptions<MpiServiceOptions> options)
    {
        _batcher = batcher;
        _maxQueue = options.Value.MaxWriteQueue;
        var perSecond = options.Value.MaxRegistersPerSecond;
        if (perSecond > 0)
            _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond, TokensPerPeriod = Math.Max(1, perSecond / 10), ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                QueueLimit = 0, AutoReplenishment = true,
            });
    }

    /// <summary>Null when the Register may go on; else why not. A refused call takes no token.</summary>
    public Refusal? Check()
    {
        if (_batcher.Queued >= _maxQueue) return QueueFull;
        if (_rate is not null)
        {
            using var lease = _rate.AttemptAcquire();
            if (!lease.IsAcquired) return OverRate;
        }
        return null;
    }

    public void Dispose() => _rate?.Dispose();
}
