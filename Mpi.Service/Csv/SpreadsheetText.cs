using System.Buffers;

namespace Mpi.Service.Csv;

/// <summary>
/// Caller-provided text bound for a CSV file that people open in a spreadsheet (clusters, learned changes): OWASP's
/// CSV-injection rule. A cell that begins with <c>= + - @</c>, a tab or a carriage return would be evaluated as a
/// formula (<c>=cmd|' /C calc'!A0</c>), so it is written with a leading single quote, which spreadsheets show as
/// text; <see cref="CsvWriter"/> then quotes it as usual.
/// </summary>
/// <remarks>
/// Only for text that came from outside (registry codes, local ids): the program's own numbers (a score of -0.5) go
/// out as they are. Never for files the program reads back (canonical CSVs, truth files): the quote would become
/// part of the value.
/// </remarks>
public static class SpreadsheetText
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>The cell as a spreadsheet must see it: the value, or the value after a <c>'</c> when it could start a formula.</summary>
    public static string? Inert(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? string.Concat("'", value) : value;
}
