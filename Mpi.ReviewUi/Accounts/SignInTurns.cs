namespace Mpi.ReviewUi.Accounts;

/// <summary>
/// One sign-in attempt at a time per user name: the lockout counts refused attempts and then records this one, and
/// forty attempts in parallel would all count the same four refusals before any was recorded. Striped by the name's
/// hash, so memory is bounded whatever names callers send; two names sharing a stripe only wait for each other.
/// </summary>
public sealed class SignInTurns
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> EnterAsync(string userName, CancellationToken cancellation)
    {
        var turn = _turns[(uint)StringComparer.Ordinal.GetHashCode(userName) % Stripes];
        await turn.WaitAsync(cancellation);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turn.Release();
        }
    }
}
