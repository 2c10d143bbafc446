using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mpi.Service.Persistence;

/// <summary>
/// Timestamps as the store holds them (EF Core's binary form of a DateTimeOffset, which orders and compares as a
/// number), for the paths that write or read rows with plain commands.
/// </summary>
public static class StoredTimes
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public static long Of(DateTimeOffset at) => (long)Converter.ConvertToProvider(at)!;

    public static DateTimeOffset At(long stored) => (DateTimeOffset)Converter.ConvertFromProvider(stored)!;
}
