namespace Mpi.Service.Hl7v2;

/// <summary>One ERR segment: where (segment^sequence^field…), the HL7 table 0357 code and its text, and the reason.</summary>
public sealed record Hl7Error(string Location, int Code, string Reason)
{
    /// <summary>HL7 table 0357's words for the codes used.</summary>
    public string CodeText => Code switch
    {
        100 => "Segment sequence error", 101 => "Required field missing", 102 => "Data type error", 103 => "Table value not found",
        200 => "Unsupported message type", 201 => "Unsupported event code", 204 => "Unknown key identifier", 205 => "Duplicate key identifier",
        206 => "Application record locked", _ => "Application internal error",
    };
}

/// <summary>
/// The acknowledgement of one message (original mode): MSA-1 AA, AE or AR with MSA-2 the message's control id
/// (MSH-10), an ERR segment per problem, and on success a ZMP segment of ours: ZMP-1 the enterprise person id, ZMP-2
/// the decision, ZMP-3 the probability, ZMP-4 the review task, ZMP-5 the persons merged into it (repeated).
/// </summary>
public static class Hl7Acks
{
    public const string Accept = "AA", Error = "AE", Reject = "AR";

    public static string Of(Er7Message? message, string code, IReadOnlyList<Hl7Error> errors, IReadOnlyList<string>? zmp, DateTimeOffset now)
    {
        var d = message?.Delimiters ?? Er7Delimiters.Standard;
        var f = d.Field;
        var msh = message?.Header;
        var controlId = msh?.Raw(10) ?? "";
        var trigger = msh?.Value(9, 2) ?? "";
        var version = msh?.Raw(12) is { Length: > 0 } v ? v : "2.5";
        var ack = new System.Text.StringBuilder();
        ack.Append($"MSH{f}{d.EncodingCharacters}{f}MPI{f}MPI{f}{msh?.Raw(3)}{f}{msh?.Raw(4)}{f}{now.UtcDateTime:yyyyMMddHHmmss}{f}{f}")
            .Append($"ACK{d.Component}{d.EscapeText(trigger)}{d.Component}ACK{f}ACK{controlId}{f}P{f}{version}\r");
        ack.Append($"MSA{f}{code}{f}{controlId}\r");
        foreach (var error in errors)
            ack.Append($"ERR{f}{f}{error.Location.Replace('^', d.Component)}{f}{error.Code}{d.Component}{error.CodeText}{d.Component}HL70357{f}E{f}{f}{f}{f}")
                .Append(d.EscapeText(error.Reason)).Append('\r');
        if (zmp is not null)
            ack.Append("ZMP").Append(string.Concat(zmp.Select(value => f + value))).Append('\r');
        return ack.ToString();
    }
}
