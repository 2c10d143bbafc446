using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;

namespace Mpi.Service.Persistence;

/// <summary>
/// Lends <see cref="PersonRowReader"/>s, one read at a time each, so their prepared statements are reused across
/// calls; as many are kept as have been needed at once, up to <see cref="MaxKept"/>.
/// </summary>
public sealed class PersonRowReaders(IOptions<MpiServiceOptions> options, DatabaseTarget database) : IDisposable
{
    /// <summary>Readers kept for reuse; more concurrent reads open one each and close it after.</summary>
    public const int MaxKept = 32;

    private readonly ConcurrentBag<PersonRowReader> _idle = [];

    public T With<T>(Func<PersonRowReader, T> read)
    {
        var reader = _idle.TryTake(out var idle) ? idle : new PersonRowReader(database.OpenConnection(options.Value.SqliteCacheMegabytes));
        T value;
        try
        {
            value = read(reader);
        }
        catch
        {
            reader.Dispose(); // its connection may be in any state: not lent again
            throw;
        }
        if (_idle.Count < MaxKept) _idle.Add(reader);
        else reader.Dispose();
        return value;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var reader)) reader.Dispose();
    }
}
