using System.Buffers;

namespace Mpi.Service.Hl7v2;

/// <summary>What the next bytes of an MLLP stream are.</summary>
public enum MllpRead { NeedMore, Frame, OutsideFrame, TooLarge }

/// <summary>
/// MLLP's block: a start byte (0x0B), the message, then 0x1C 0x0D. Line breaks between blocks are tolerated; any
/// other byte outside a block is a protocol error, and a block longer than the limit is refused before it is whole.
/// </summary>
public static class MllpFraming
{
    public const byte Start = 0x0B, End = 0x1C, Return = 0x0D;

    /// <summary>The next block in <paramref name="buffer"/>: its content, and the position up to which the bytes are used.</summary>
    public static (MllpRead Read, ReadOnlySequence<byte> Content, SequencePosition Consumed) Next(ReadOnlySequence<byte> buffer, long limit)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryPeek(out var b) && b is (byte)'\r' or (byte)'\n') reader.Advance(1);
        if (!reader.TryPeek(out var first)) return (MllpRead.NeedMore, default, reader.Position);
        if (first != Start) return (MllpRead.OutsideFrame, default, reader.Position);
        var blockStart = reader.Position;
        reader.Advance(1);
        var contentStart = reader.Position;
        if (!reader.TryAdvanceTo(End, advancePastDelimiter: false))
            return reader.Remaining > limit ? (MllpRead.TooLarge, buffer.Slice(contentStart), contentStart) : (MllpRead.NeedMore, default, blockStart);
        var content = buffer.Slice(contentStart, reader.Position);
        if (content.Length > limit) return (MllpRead.TooLarge, content, contentStart);
        reader.Advance(1);
        if (!reader.TryPeek(out var last)) return (MllpRead.NeedMore, default, blockStart);
        if (last != Return) return (MllpRead.OutsideFrame, default, reader.Position);
        reader.Advance(1);
        return (MllpRead.Frame, content, reader.Position);
    }
}
