using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.Service.Registration;

/// <summary>One record to register: as received, and normalised (and validated) by the caller.</summary>
public sealed record RegistrationItem(PatientRecord Received, NormalizationResult Normalized);

/// <summary>What became of one item of a batch: its outcome, or the error that stopped it (the other items are unaffected).</summary>
public sealed record RegistrationResult(RegistrationOutcome? Outcome, Exception? Error);
