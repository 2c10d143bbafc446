using System.Text.Json;
using Mpi.Matching.Normalization;

namespace Mpi.Service.Persistence;

/// <summary>
/// How an exception's violations and receipts are written in its row: JSON arrays, read back whole (they are never
/// queried by field). Received values are cut to <see cref="MaxValueLength"/> characters: the exception must show what
/// was wrong, not keep a megabyte a sender put in one field.
/// </summary>
public static class StoredExceptionFields
{
    public const int MaxValueLength = 1000;

    /// <summary>
    /// The condition of an open exception, written into the SQL itself (not a parameter): SQLite uses a partial index
    /// only for a statement whose WHERE clause contains the index's condition as written.
    /// </summary>
    public static readonly string OpenFilter = $"\"State\" = '{StoredWords.Of(Entities.ExceptionState.Open)}'";

    private sealed record StoredViolation(string Field, string Reason);

    private sealed record StoredReceipt(string Field, string? Received, string? Stored, FieldOutcome Outcome, string? Reason);

    public static string Violations(IEnumerable<(string Field, string Reason)> violations) =>
        JsonSerializer.Serialize(violations.Select(v => new StoredViolation(v.Field, Cut(v.Reason)!)));

    public static IReadOnlyList<(string Field, string Reason)> ViolationsOf(string json) =>
        [.. (JsonSerializer.Deserialize<StoredViolation[]>(json) ?? []).Select(v => (v.Field, v.Reason))];

    public static string Receipts(IEnumerable<FieldReceipt> receipts) =>
        JsonSerializer.Serialize(receipts.Select(r => new StoredReceipt(r.Field, Cut(r.Received), Cut(r.Stored), r.Outcome, Cut(r.Reason))));

    public static IReadOnlyList<FieldReceipt> ReceiptsOf(string json) =>
        [.. (JsonSerializer.Deserialize<StoredReceipt[]>(json) ?? []).Select(r => new FieldReceipt(r.Field, r.Received, r.Stored, r.Outcome, r.Reason))];

    public static string? Cut(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}
