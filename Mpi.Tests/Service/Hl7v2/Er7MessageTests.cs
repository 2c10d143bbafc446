using Mpi.Service.Hl7v2;

namespace Mpi.Tests.Service.Hl7v2;

/// <summary>The ER7 reader on messages written the way the standard writes them.</summary>
public sealed class Er7MessageTests
{
    private const string Admit =
        "MSH|^~\\&|PAS|NORTH_HOSP|MPI|MPI|200901011200||ADT^A04^ADT_A01|CTRL-7|P|2.5\r" +
        "EVN|A04|200901011200|||||200901011150+1000\r" +
        "PID|1||12345^^^NORTH_HOSP^MR~9434765919^^^NHS^NH||O\\S\\Brien-Smith^Mary\\T\\Ann^Jo||19620304|F|||1 Main St\\F\\Unit 2^^Delmar^NSW^2119||^PRN^PH^^^02^91112233~^NET^Internet^mary@example.org\r";

    [Fact]
    public void Msh_IsNumberedAsTheStandardNumbersIt()
    {
        var (message, problem) = Er7Message.Parse(Admit);

        Assert.Null(problem);
        var msh = message!.Header;
        Assert.Equal(("|", "^~\\&", "PAS", "NORTH_HOSP", "CTRL-7", "2.5"), (msh.Raw(1), msh.Raw(2), msh.Value(3), msh.Value(4), msh.Value(10), msh.Value(12)));
        Assert.Equal(("ADT", "A04", "ADT_A01"), (msh.Value(9, 1), msh.Value(9, 2), msh.Value(9, 3)));
    }

    [Fact]
    public void Values_ResolveEscapesRepetitionsComponentsAndSubcomponents()
    {
        var pid = Er7Message.Parse(Admit).Message!.First("PID")!;

        Assert.Equal(2, pid.Repetitions(3));
        Assert.Equal(("12345", "NORTH_HOSP", "MR"), (pid.Value(3, 1), pid.Value(3, 4), pid.Value(3, 5)));
        Assert.Equal(("9434765919", "NHS", "NH"), (pid.Value(3, 1, repetition: 1), pid.Value(3, 4, repetition: 1), pid.Value(3, 5, repetition: 1)));
        Assert.Equal("O^Brien-Smith", pid.Value(5, 1));
        Assert.Equal("Mary&Ann", pid.Value(5, 2));
        Assert.Equal("1 Main St|Unit 2", pid.Value(11, 1));
        Assert.Equal(("02", "91112233", "mary@example.org"), (pid.Value(13, 6), pid.Value(13, 7), pid.Value(13, 4, repetition: 1)));
        Assert.Equal("", pid.Value(30));
    }

    [Fact]
    public void PidMapping_ReadsTheKeyNamesAndContacts()
    {
        var message = Er7Message.Parse(Admit).Message!;
        var sent = PidMapping.Of(message.First("PID")!, message.Header);

        Assert.Equal(("NORTH_HOSP", "12345"), (sent.Key.Registry, sent.Key.LocalId));
        Assert.Equal(("O^Brien-Smith", "Mary&Ann", "Jo", "19620304", "F"), (sent.Demographics.FamilyName, sent.Demographics.GivenName, sent.Demographics.MiddleName,
            sent.Demographics.BirthDate, sent.Demographics.Sex));
        Assert.Equal(("0291112233", "mary@example.org"), (sent.Demographics.Phone, sent.Demographics.Email));
        Assert.Equal(["NH|NHS|9434765919"], sent.Demographics.Identifiers.Select(i => $"{i.Type}|{i.Authority}|{i.Value}"));
        Assert.Equal("PID^1^3^2", PidMapping.Location("demographics.identifiers[0]", sent));
    }

    [Theory]
    [InlineData("\\X4D61727920\\Ann", "Mary Ann")]
    [InlineData("a\\E\\b", "a\\b")]
    [InlineData("line\\.br\\two", "line two")]
    [InlineData("\\H\\bold\\N\\", "bold")]
    [InlineData("lone \\ escape", "lone \\ escape")]
    [InlineData("O\\XZZ\\Brien", "O\\XZZ\\Brien")]
    [InlineData("a\\Q\\b", "a\\Q\\b")]
    public void Escapes_Resolve_AndOnesThatCannotBeAreKeptAsTheyCame(string raw, string value) =>
        Assert.Equal(value, Er7Delimiters.Standard.Unescape(raw, Er7Text.CharsetNamed("")));

    [Theory]
    [InlineData("plain", "", null)]
    [InlineData("N\\XC3A9\\ron", "", null)]
    [InlineData("N\\XE9\\ron", "8859/1", null)]
    [InlineData("lone \\ escape", "", null)]
    [InlineData("N\\XE9\\ron", "", "not utf-8")]
    [InlineData("O\\XZZ\\Brien", "", "hexadecimal")]
    [InlineData("O\\XE\\Brien", "8859/1", "hexadecimal")]
    [InlineData("\\C2842\\Ada", "", "character-set")]
    [InlineData("\\Zlocal\\Ada", "", "does not define")]
    [InlineData("a\\\\b", "", "does not define")]
    public void Unreadable_NamesWhatCannotBeResolved(string raw, string msh18, string? problem)
    {
        var found = Er7Delimiters.Standard.Unreadable(raw, Er7Text.CharsetNamed(msh18));
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void LoneEscapeCharactersInTwoComponents_AreNoSequence()
    {
        var pid = Er7Message.Parse("MSH|^~\\&|PAS|H|MPI|MPI|20261206||ADT^A04|1|P|2.5\rPID|1||N1||Unit 3\\^Ann\\e").Message!.First("PID")!;

        Assert.Null(pid.UnreadableEscape(5));
        Assert.Equal(("Unit 3\\", "Ann\\e"), (pid.Value(5, 1), pid.Value(5, 2)));
    }

    [Fact]
    public void XEscapes_AreReadInMsh18sCharacterSet()
    {
        var latin1 = Er7Message.Parse("MSH|^~\\&|PAS|H|MPI|MPI|20261206||ADT^A04|1|P|2.5||||||8859/1\rPID|1||N1||N\\XE9\\ron").Message!;
        var utf8 = Er7Message.Parse("MSH|^~\\&|PAS|H|MPI|MPI|20261206||ADT^A04|1|P|2.5\rPID|1||N1||N\\XC3A9\\ron").Message!;

        Assert.Equal(("Néron", "Néron"), (latin1.First("PID")!.Value(5), utf8.First("PID")!.Value(5)));
    }

    [Fact]
    public void EscapeText_RoundTrips() =>
        Assert.Equal("a|b^c&d~e\\f", Er7Delimiters.Standard.Unescape(Er7Delimiters.Standard.EscapeText("a|b^c&d~e\\f"), Er7Text.CharsetNamed("")));

    [Theory]
    [InlineData("MSH|^~\\&|A\nPID|1||X", null)]
    [InlineData("MSH|^~\\&|A\r\nPID|1||X\r\n", null)]
    [InlineData("PID|1||X", "no MSH segment at the start of the message")]
    [InlineData("MSH|^~|A", "MSH-2: the encoding characters must be four (component, repetition, escape, subcomponent)")]
    [InlineData("MSH|^^\\&|A", "MSH-1/MSH-2: the delimiters must all differ")]
    [InlineData("MSH|^~\\&|A\rpid|1", "segment 2: not a segment (three letters or digits and a field separator)")]
    [InlineData("MSH|^~\\&|A\rPID|1\rMSH|^~\\&|B\rPID|2", "segment 3: a second MSH (one message per MLLP block; send each in its own)")]
    public void Parse_AcceptsLineEndsAndNamesWhatItCannotRead(string text, string? problem) => Assert.Equal(problem, Er7Message.Parse(text).Problem);

    [Theory]
    [InlineData("200901011150+1000", "2009-01-01T11:50:00+10:00")]
    [InlineData("20090101", "2009-01-01T00:00:00+00:00")]
    [InlineData("20090101115030.25-0500", "2009-01-01T11:50:30-05:00")]
    [InlineData("2009013", null)]
    [InlineData("20091301", null)]
    [InlineData("200901011150+99", null)]
    [InlineData("00010101+1400", null)]
    [InlineData("99991231235959-1400", null)]
    [InlineData("00010101-1400", "0001-01-01T00:00:00-14:00")]
    public void Hl7Times_Parse(string text, string? expected) =>
        Assert.Equal(expected, Hl7Times.Parse(text)?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
}
