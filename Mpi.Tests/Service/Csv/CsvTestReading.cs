using System.Text;
using Mpi.Service.Csv;

namespace Mpi.Tests.Service.Csv;

/// <summary>Reads CSV text or bytes through <see cref="CanonicalCsvReader"/> in one call.</summary>
internal static class CsvTestReading
{
    public static (IReadOnlyList<CsvRow> Rows, string? Error) ReadText(string content, CsvReadOptions? options = null) =>
        ReadBytes(Encoding.UTF8.GetBytes(content), options);

    public static (IReadOnlyList<CsvRow> Rows, string? Error) ReadBytes(byte[] content, CsvReadOptions? options = null)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.WriteBytes("input.csv", content);
        var result = CanonicalCsvReader.Open(path, options ?? CsvReadOptions.Default);
        return result.Succeeded ? (result.Rows.ToList(), null) : ([], result.Error);
    }

    public static IReadOnlyList<string> Errors(this IReadOnlyList<CsvRow> rows) =>
        rows.Where(row => !row.Succeeded).Select(row => row.Error!).ToList();

    public static IReadOnlyList<string> LocalIds(this IReadOnlyList<CsvRow> rows) =>
        rows.Where(row => row.Succeeded).Select(row => row.Record!.LocalId).ToList();
}
