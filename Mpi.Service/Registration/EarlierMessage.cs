namespace Mpi.Service.Registration;

/// <summary>
/// An item whose message id was already claimed when its registration's transaction looked (by an earlier commit, or
/// by an earlier item of the same batch): nothing is written for it. Found under the write lock, this is the check
/// that decides; the look-up before the lock only spares a retry the wait.
/// </summary>
/// <param name="Answer">
/// The first answer's bytes, to replay, when the content is the same; null when the id was sent with other content
/// (reused), whose answer belongs to another sender's registration and is not handed out.
/// </param>
public sealed record EarlierMessage(byte[]? Answer)
{
    public bool Reused => Answer is null;

    /// <summary>What a stored (hash, answer) means for a message with <paramref name="requestHash"/>.</summary>
    public static EarlierMessage Of(string requestHash, string storedHash, byte[] storedAnswer) =>
        new(storedHash == requestHash ? storedAnswer : null);
}
