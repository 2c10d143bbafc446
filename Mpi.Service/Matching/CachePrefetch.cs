using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Mpi.Matching.Records;

namespace Mpi.Service.Matching;

/// <summary>
/// Asks the processor to start loading an object's memory without waiting for it (x86 PREFETCHT0; nothing elsewhere).
/// Scoring a million-record directory's candidates waits on memory for most of its time: each candidate is reached
/// through a chain of objects scattered over the heap. An ordinary read ahead of the loop stalls the core at the first
/// miss; a prefetch does not, so the misses of several candidates overlap.
/// </summary>
/// <remarks>
/// The address is read from the reference and used only as a hint: if the collector moves the object in between,
/// the processor loads a line nobody reads, and a prefetch never faults, whatever the address.
/// </remarks>
public static class CachePrefetch
{
    private const int CacheLineBytes = 64;

    /// <summary>What a string holds besides its characters, from the address a reference points at: its type and length, and the closing NUL.</summary>
    private const int StringLayoutBytes = 8 + 4 + 2;

    /// <summary>The first cache line of an object (its header and first fields, or a string's length and first characters).</summary>
    public static unsafe void Line(object? value)
    {
        if (!Sse.IsSupported || value is null) return;
        Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref value));
    }

    /// <summary>A string's characters (the lines a comparison reads), up to <paramref name="maxLines"/> lines.</summary>
    public static unsafe void Text(string value, int maxLines = 2)
    {
        if (!Sse.IsSupported || value.Length == 0) return;
        object box = value;
        var address = Unsafe.As<object, nint>(ref box);
        var lines = Math.Min(maxLines, (StringLayoutBytes + value.Length * sizeof(char) + CacheLineBytes - 1) / CacheLineBytes);
        for (var i = 0; i < lines; i++) Sse.Prefetch0((void*)(address + i * CacheLineBytes));
    }

    /// <summary>The values of a record that candidate scoring reads (names, date, address, contact details, identifier).</summary>
    public static void Values(NormalizedRecord r)
    {
        Text(r.GivenName);
        Text(r.MiddleName);
        Text(r.FamilyName);
        Text(r.BirthDigits);
        Text(r.AddressLine);
        Text(r.AddressLine2);
        Text(r.City);
        Text(r.PostalCode);
        Text(r.Phone);
        Text(r.Email);
        Text(r.NationalId);
        Text(r.GivenPhonetic);
        Text(r.FamilyPhonetic);
        Line(ImmutableCollectionsMarshal.AsArray(r.GivenNameGroups));
    }
}
