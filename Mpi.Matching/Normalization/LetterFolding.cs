using System.Text;

namespace Mpi.Matching.Normalization;

/// <summary>
/// Folds accented and special letters to upper-case base letters without <see cref="string.Normalize()"/>,
/// which does nothing when the process runs with invariant globalisation (as this solution does).
/// Decomposable letters come from <see cref="Blocks"/>: for each code point, the upper-case first character
/// of its canonical decomposition when that decomposition is one letter followed only by non-spacing marks
/// (the table was derived from the Unicode Character Database, version 14); '-' means no folding.
/// Letters that do not decompose are in <see cref="Expand"/>.
/// </summary>
internal static class LetterFolding
{
    private const char None = '-';

    private static readonly FoldBlock[] Blocks =
    [
        // Latin-1 Supplement, Latin Extended-A, Latin Extended-B, U+00C0..U+024F.
        new(0x00C0,
            "AAAAAA-CEEEEIIII-NOOOOO--UUUUY--" + // U+00C0
            "AAAAAA-CEEEEIIII-NOOOOO--UUUUY-Y" + // U+00E0
            "AAAAAACCCCCCCCDD--EEEEEEEEEEGGGG" + // U+0100
            "GGGGHH--IIIIIIIII---JJKK-LLLLLL-" + // U+0120
            "---NNNNNN---OOOOOO--RRRRRRSSSSSS" + // U+0140
            "SSTTTT--UUUUUUUUUUUUWWYYYZZZZZZ-" + // U+0160
            "--------------------------------" + // U+0180
            "OO-------------UU---------------" + // U+01A0
            "-------------AAIIOOUUUUUUUUUU-AA" + // U+01C0
            "AA----GGKKOOOO--J---GG--NNAA----" + // U+01E0
            "AAAAEEEEIIIIOOOORRRRUUUUSSTT--HH" + // U+0200
            "------AAEEOOOOOOOOYY------------" + // U+0220
            "----------------"), // U+0240
        // Greek, U+0380..U+03FF.
        new(0x0380,
            "------Α-ΕΗΙ-Ο-ΥΩΙ---------------" + // U+0380
            "----------ΙΥΑΕΗΙΥ---------------" + // U+03A0
            "----------ΙΥΟΥΩ----ϒϒ-----------" + // U+03C0
            "--------------------------------"), // U+03E0
        // Cyrillic, U+0400..U+04FF.
        new(0x0400,
            "ЕЕ-Г---І----КИУ----------И------" + // U+0400
            "-------------------------И------" + // U+0420
            "----------------ЕЕ-Г---І----КИУ-" + // U+0440
            "----------------------ѴѴ--------" + // U+0460
            "--------------------------------" + // U+0480
            "--------------------------------" + // U+04A0
            "-ЖЖ-------------АААА--ЕЕ--ӘӘЖЖЗЗ" + // U+04C0
            "--ИИИИОО--ӨӨЭЭУУУУУУЧЧ--ЫЫ------"), // U+04E0
        // Latin Extended Additional, U+1E00..U+1EFF.
        new(0x1E00,
            "AABBBBBBCCDDDDDDDDDDEEEEEEEEEEFF" + // U+1E00
            "GGHHHHHHHHHHIIIIKKKKKKLLLLLLLLMM" + // U+1E20
            "MMMMNNNNNNNNOOOOOOOOPPPPRRRRRRRR" + // U+1E40
            "SSSSSSSSSSTTTTTTTTUUUUUUUUUUVVVV" + // U+1E60
            "WWWWWWWWWWXXXXYYZZZZZZHTWY-S----" + // U+1E80
            "AAAAAAAAAAAAAAAAAAAAAAAAEEEEEEEE" + // U+1EA0
            "EEEEEEEEIIIIOOOOOOOOOOOOOOOOOOOO" + // U+1EC0
            "OOOOUUUUUUUUUUUUUUYYYYYYYY------"), // U+1EE0
    ];

    /// <summary>Appends the folded form of <paramref name="codePoint"/> and returns true, or returns false when it has none.</summary>
    internal static bool TryAppend(int codePoint, StringBuilder builder)
    {
        var expansion = Expand(codePoint);
        if (expansion is not null)
        {
            builder.Append(expansion);
            return true;
        }

        // Fullwidth Latin letters (U+FF21..U+FF3A, U+FF41..U+FF5A), as typed with East Asian input methods.
        if (codePoint is >= 0xFF21 and <= 0xFF3A or >= 0xFF41 and <= 0xFF5A)
        {
            builder.Append((char)('A' + ((codePoint - 0xFF21) % 0x20)));
            return true;
        }

        foreach (var block in Blocks)
        {
            var offset = codePoint - block.Start;
            if (offset >= 0 && offset < block.Bases.Length && block.Bases[offset] != None)
            {
                builder.Append(block.Bases[offset]);
                return true;
            }
        }

        return false;
    }

    /// <summary>Letters with no canonical decomposition, written out as the letters a clerk would type.</summary>
    private static string? Expand(int codePoint) => codePoint switch
    {
        0x00D8 or 0x00F8 or 0x01FE or 0x01FF => "O", // Ø ø Ǿ ǿ
        0x0141 or 0x0142 or 0x013F or 0x0140 => "L", // Ł ł Ŀ ŀ
        0x0110 or 0x0111 or 0x00D0 or 0x00F0 => "D", // Đ đ Ð ð
        0x00DF or 0x1E9E => "SS", // ß ẞ
        0x00C6 or 0x00E6 or 0x01FC or 0x01FD or 0x01E2 or 0x01E3 => "AE", // Æ æ Ǽ ǽ Ǣ ǣ
        0x0152 or 0x0153 => "OE", // Œ œ
        0x00DE or 0x00FE => "TH", // Þ þ
        0x0126 or 0x0127 => "H", // Ħ ħ
        0x0166 or 0x0167 => "T", // Ŧ ŧ
        0x0131 => "I", // ı (dotless i); invariant casing leaves it lower-case
        0x017F => "S", // ſ (long s); likewise
        0x0138 => "K", // ĸ (kra)
        0x014A or 0x014B => "NG", // Ŋ ŋ (eng)
        0x018F or 0x0259 => "A", // Ə ə (schwa: Azerbaijani Əliyev is written Aliyev)
        0x0132 or 0x0133 => "IJ", // Ĳ ĳ
        0x0149 => "N", // ŉ
        0x0192 => "F", // ƒ
        0x01C4 or 0x01C5 or 0x01C6 or 0x01F1 or 0x01F2 or 0x01F3 => "DZ", // Ǆ ǅ ǆ Ǳ ǲ ǳ
        0x01C7 or 0x01C8 or 0x01C9 => "LJ", // Ǉ ǈ ǉ
        0x01CA or 0x01CB or 0x01CC => "NJ", // Ǌ ǋ ǌ
        0xFB00 => "FF", // ﬀ
        0xFB01 => "FI", // ﬁ
        0xFB02 => "FL", // ﬂ
        0xFB03 => "FFI", // ﬃ
        0xFB04 => "FFL", // ﬄ
        0xFB05 or 0xFB06 => "ST", // ﬅ ﬆ
        _ => null,
    };

    private readonly record struct FoldBlock(int Start, string Bases);
}
