using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.Service.Registration;

/// <summary>
/// One record to register: as received, and normalised (and validated) by the caller; with the message whose answer
/// is remembered in the same transaction, when the sender gave a message id.
/// </summary>
public sealed record RegistrationItem(PatientRecord Received, NormalizationResult Normalized, MessageToRemember? Message = null)
{
    /// <summary>When the registry made this version (its event time), if it said: an older one than held is stale, never applied.</summary>
    public DateTimeOffset? SourceEventAt { get; init; }
}

/// <summary>
/// A message id's answer, stored with the registration it answers (one commit), so that a retry after a crash gets
/// the original answer back and never a second registration's. <see cref="Answer"/> is the face's encoding of the
/// outcome, the exact bytes its sender was sent (a gRPC face's RegisterResponse; another protocol's acknowledgement
/// would be its own): the core stores them without knowing the format, and a replay is byte for byte the first answer.
/// It must be a pure mapping: it runs inside the write transaction, once the outcome is known and before the commit.
/// </summary>
public sealed record MessageToRemember(string Registry, string MessageId, string RequestHash, Func<RegistrationOutcome, byte[]> Answer);

/// <summary>
/// What became of one item of a batch: its outcome, the error that stopped it (the other items are unaffected), or,
/// when its message id was claimed before, the earlier message (exactly one of the three).
/// </summary>
public sealed record RegistrationResult(RegistrationOutcome? Outcome, Exception? Error, EarlierMessage? Earlier = null);
