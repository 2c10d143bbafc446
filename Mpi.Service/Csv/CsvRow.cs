using System.Diagnostics.CodeAnalysis;
using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>
/// One data row of a canonical CSV file: either a <see cref="Record"/> or an <see cref="Error"/>.
/// </summary>
/// <param name="LineNumber">The 1-based physical line on which the row starts.</param>
/// <param name="Record">The record, when the row is good.</param>
/// <param name="Error">
/// Why the row was left out, prefixed with its line (<c>line 7: 3 fields, the header has 16</c>). For a byte that is
/// not UTF-8 inside a multi-line quoted field, the prefix names the physical line of that byte.
/// </param>
public readonly record struct CsvRow(int LineNumber, PatientRecord? Record, string? Error)
{
    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Record is not null;

    internal static CsvRow Good(int lineNumber, PatientRecord record) => new(lineNumber, record, null);

    internal static CsvRow Bad(int lineNumber, string reason) => new(lineNumber, null, $"line {lineNumber}: {reason}");
}
