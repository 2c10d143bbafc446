using System.Collections.Concurrent;

namespace Mpi.Service.Matching;

/// <summary>
/// One instance per distinct value for the record directory's repeated values (given names, dates of birth, postal
/// codes, ...): at a million records, a string per record and field was some 500 bytes a record. Only the
/// directory's own records go through it, never request values, so it holds what the database holds.
/// </summary>
public sealed class SharedStrings
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public string Share(string value) => value.Length == 0 ? "" : _values.GetOrAdd(value, value);
}
