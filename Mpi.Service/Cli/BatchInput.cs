using Mpi.Matching.Records;

namespace Mpi.Service.Cli;

/// <summary>The normalised records of a batch file, and what was left out or set aside on the way.</summary>
/// <param name="RejectedRows">Rows that could not be read (each already reported with its line number).</param>
/// <param name="SetAside">Field values set aside by normalisation (placeholders, impossible dates…), by reason.</param>
internal sealed record BatchInput(IReadOnlyList<NormalizedRecord> Records, int RejectedRows, IReadOnlyDictionary<string, int> SetAside);
