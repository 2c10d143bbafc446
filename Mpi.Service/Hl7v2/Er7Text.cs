using System.Text;

namespace Mpi.Service.Hl7v2;

/// <summary>
/// An MLLP block's bytes as message text: UTF-8, or ISO 8859-1 when MSH-18 names it (<c>8859/1</c>). Bytes that are
/// neither are refused rather than read with replacement characters: NUÑEZ had been stored as NUEZ and acknowledged AA.
/// </summary>
public static class Er7Text
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The character set MSH-18 names, for the bytes of <c>\Xhh\</c> escapes as for the block: ISO 8859-1 for
    /// <c>8859/1</c>, else UTF-8, strictly (bytes that are not UTF-8 are refused, not replaced).
    /// </summary>
    public static Encoding CharsetNamed(string msh18) => msh18 == Latin1Name ? Encoding.Latin1 : StrictUtf8;

    private const string Latin1Name = "8859/1";

    /// <summary>The text, and why it cannot be read when it cannot (the text is then the bytes as ISO 8859-1, to address the refusal).</summary>
    public static (string Text, string? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
        }
        // Every byte is an ISO 8859-1 character, and the delimiters and MSH are ASCII: MSH-18 can be read this way.
        var latin1 = Encoding.Latin1.GetString(bytes);
        var (message, _) = Er7Message.Parse(latin1);
        if (message?.Header.Value(18) == Latin1Name) return (latin1, null);
        return (latin1, "the message is not UTF-8, and MSH-18 names no other character set read here (8859/1 is)");
    }
}
