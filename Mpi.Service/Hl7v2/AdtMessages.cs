using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Service.Faces;

namespace Mpi.Service.Hl7v2;

/// <summary>
/// Answers one ADT message with its acknowledgement, mapping it onto the gRPC call that does the same
/// (<see cref="GrpcLoopback"/>, with the listener's key): A01, A04, A05, A08, A28 and A31 register or update the PID's
/// record (<c>Register</c>, MSH-10 as the message id, so a resent message gets the first answer and is never registered
/// twice; EVN-6 as the registry's event time); A40 merges the person of MRG-1's record into the person of PID-3's
/// (<c>MergePersons</c>; a merge already done is acknowledged again); A24 links the second PID's record to the first
/// PID's person (<c>Link</c>) and A37 takes it off again (<c>Unlink</c>), each acknowledged again when already so. An
/// A40, A24 or A37 sent again with its MSH-10 gets its first answer and changes nothing (<see cref="AdtMessageLedger"/>).
/// Never throws for what a message holds.
/// </summary>
public sealed class AdtMessages(GrpcLoopback grpc, AdtMessageLedger ledger, TimeProvider time)
{
    private static readonly HashSet<string> RegisteringEvents = ["A01", "A04", "A05", "A08", "A28", "A31"];

    /// <summary>An AR (ERR 100) for a block whose text could not be read as it was sent, addressed from its MSH when that can be read.</summary>
    public (string Ack, string Type, string Code) Unreadable(string text, string problem) =>
        Answer(Er7Message.Parse(text).Message, "unreadable", Hl7Acks.Reject, [new Hl7Error("MSH", 100, problem)]);

    /// <summary>The acknowledgement, and the message type and MSA-1 code for the log line (no PHI in either).</summary>
    public async Task<(string Ack, string Type, string Code)> AnswerAsync(string text, string apiKey, CancellationToken cancellation)
    {
        var (message, problem) = Er7Message.Parse(text);
        if (message is null) return Answer(null, "unreadable", Hl7Acks.Reject, [new Hl7Error("MSH", 100, problem!)]);
        var msh = message.Header;
        var type = LoggedType(msh.Value(9, 1), msh.Value(9, 2));
        if (msh.Value(10).Length == 0) return Answer(message, type, Hl7Acks.Reject, [new Hl7Error("MSH^1^10", 101, "MSH-10 (message control id): required")]);
        if (msh.Value(9, 1) != "ADT") return Answer(message, type, Hl7Acks.Reject, [new Hl7Error("MSH^1^9^1^1", 200, $"only ADT messages are served, not {msh.Value(9, 1)}")]);
        var trigger = msh.Value(9, 2);
        if (!RegisteringEvents.Contains(trigger) && trigger is not ("A40" or "A24" or "A37"))
            return Answer(message, type, Hl7Acks.Reject,
                [new Hl7Error("MSH^1^9^1^2", 201, $"ADT^{trigger} is not served (A01, A04, A05, A08, A28, A31, A40, A24, A37 are)")]);
        if (message.First("PID") is not { } pid) return Answer(message, type, Hl7Acks.Error, [new Hl7Error("PID", 101, "PID segment: required")]);
        if (UnreadableEscapes.First(message) is { } unreadable) return Answer(message, type, Hl7Acks.Error, [unreadable]);
        var call = GrpcLoopback.CallWith(apiKey, cancellation);
        PidMapping.SentRecord? sent = null;
        try
        {
            if (trigger is "A24" or "A37")
                return message.All("PID").Skip(1).FirstOrDefault() is { } second
                    ? Answer(message, type, Hl7Acks.Accept, [], await LinkAsync(message, pid, second, link: trigger == "A24", call))
                    : Answer(message, type, Hl7Acks.Error, [new Hl7Error("PID^2", 101, $"a second PID segment: required in {trigger}")]);
            if (trigger == "A40")
                return message.First("MRG") is { } mrg ? Answer(message, type, Hl7Acks.Accept, [], await MergeAsync(message, pid, mrg, call))
                    : Answer(message, type, Hl7Acks.Error, [new Hl7Error("MRG", 101, "MRG segment: required in A40")]);
            sent = PidMapping.Of(pid, msh);
            var request = new RegisterRequest { Key = sent.Key, Demographics = sent.Demographics, MessageId = msh.Value(10) };
            if (message.First("EVN") is { } evn && evn.Value(6) is { Length: > 0 } occurred)
            {
                if (Hl7Times.Parse(occurred) is not { } at) return Answer(message, type, Hl7Acks.Error, [new Hl7Error("EVN^1^6", 102, "EVN-6 (event occurred): not an HL7 date and time")]);
                request.SourceEventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at);
            }
            var response = await grpc.Registration.RegisterAsync(request, call);
            return Answer(message, type, Hl7Acks.Accept, [], [response.PersonId, DecisionWords.Of(response.Decision), response.Probability.ToString("0.000", CultureInfo.InvariantCulture),
                response.ReviewTaskId, string.Join(message.Delimiters.Repetition, response.MergedPersonIds)]);
        }
        catch (RpcException refusal)
        {
            var (code, errors) = Errors(refusal, sent);
            return Answer(message, type, code, errors);
        }
        catch (NamedRecordRefused refused)
        {
            return Answer(message, type, Hl7Acks.Error, [refused.Error]);
        }
    }

    private async Task<string[]> MergeAsync(Er7Message message, Er7Segment pid, Er7Segment mrg, CallOptions call)
    {
        var (survivorKey, _) = PidMapping.KeyOf(pid, 3, message.Header);
        var (mergedKey, _) = PidMapping.KeyOf(mrg, 1, message.Header);
        var reason = $"ADT^A40 {message.Header.Value(10)}";
        var survivor = await PersonOfAsync(survivorKey, "PID^1^3", reason, call);
        var merged = await PersonOfAsync(mergedKey, "MRG^1^1", reason, call);
        return await OnceAsync(message, survivorKey, AdtMessageLedger.Hash("A40", survivorKey, mergedKey), call, async () =>
        {
            // Already one person (the records were linked since): the merge the message asks for holds.
            if (merged.PersonId != survivor.PersonId)
                await grpc.Persons.MergePersonsAsync(new MergePersonsRequest
                {
                    SurvivorPersonId = survivor.PersonId, MergedPersonId = merged.PersonId, ExpectedSurvivorVersion = survivor.Version,
                    ExpectedMergedVersion = merged.Version, Reason = reason,
                }, call);
            return [survivor.PersonId, "merged", "", "", merged.PersonId == survivor.PersonId ? "" : merged.PersonId];
        });
    }

    /// <summary>
    /// A change an A40, A24 or A37 asks for, made once per MSH-10 in the registry of the record it names first: a
    /// resent message gets the first answer (<see cref="AdtMessageLedger"/>), whatever was done to the persons since.
    /// </summary>
    private async Task<string[]> OnceAsync(Er7Message message, RecordKey first, string hash, CallOptions call, Func<Task<string[]>> change)
    {
        var (registry, id) = (first.Registry.Trim(), message.Header.Value(10).Trim());
        if (id.Length > Grpc.ProcessedMessages.MaxMessageIdLength)
            throw new NamedRecordRefused(new Hl7Error("MSH^1^10", 102, $"MSH-10 (message control id): longer than {Grpc.ProcessedMessages.MaxMessageIdLength} characters"));
        if (await ledger.FindAsync(registry, id, hash, call.CancellationToken) is { } firstAnswer) return firstAnswer;
        var answer = await change();
        // Committed: the answer is kept even when the sender has gone (a dropped connection is what makes it resend).
        await ledger.KeepAsync(registry, id, hash, answer, CancellationToken.None);
        return answer;
    }

    /// <summary>
    /// A24: the second PID's record onto the first PID's person; A37: the second PID's record off it, onto a person of
    /// its own. Nothing to do when it is so already.
    /// </summary>
    private async Task<string[]> LinkAsync(Er7Message message, Er7Segment first, Er7Segment second, bool link, CallOptions call)
    {
        var (firstKey, _) = PidMapping.KeyOf(first, 3, message.Header);
        var (secondKey, _) = PidMapping.KeyOf(second, 3, message.Header);
        var reason = $"ADT^{(link ? "A24" : "A37")} {message.Header.Value(10)}";
        var person = await PersonOfAsync(firstKey, "PID^1^3", reason, call);
        var other = await PersonOfAsync(secondKey, "PID^2^3", reason, call);
        return await OnceAsync(message, firstKey, AdtMessageLedger.Hash(link ? "A24" : "A37", firstKey, secondKey), call, async () =>
        {
            var together = person.PersonId == other.PersonId;
            if (link && !together)
            {
                await grpc.Persons.LinkAsync(new LinkRequest
                {
                    Record = secondKey, ToPersonId = person.PersonId, ExpectedFromPersonVersion = other.Version, ExpectedToPersonVersion = person.Version,
                    Reason = reason,
                }, call);
                return [person.PersonId, "linked", "", "", ""];
            }
            if (!link && together)
            {
                var unlinked = await grpc.Persons.UnlinkAsync(new UnlinkRequest { Record = secondKey, ExpectedPersonVersion = person.Version, Reason = reason }, call);
                return [unlinked.NewPerson.PersonId, "unlinked", "", "", ""];
            }
            return [other.PersonId, link ? "linked" : "unlinked", "", "", ""];
        });
    }

    /// <summary>
    /// The person of a record an A40, A24 or A37 names; a record the message names without an id, or one the key finds
    /// no record for, is an error at the field that names it (the ERR had said MRG-1 for any of them).
    /// </summary>
    private async Task<PersonView> PersonOfAsync(RecordKey key, string location, string reason, CallOptions call)
    {
        if (key.LocalId.Length == 0) throw new NamedRecordRefused(new Hl7Error(location, 101, $"{location}: the record's id (CX-1) is required"));
        try
        {
            return await grpc.Persons.GetPersonAsync(new GetPersonRequest { Record = key, Reason = reason }, call);
        }
        catch (RpcException unknown) when (unknown.StatusCode == StatusCode.NotFound)
        {
            throw new NamedRecordRefused(new Hl7Error(location, 204, $"{location}: {unknown.Status.Detail}"));
        }
    }

    /// <summary>A record named by an A40, A24 or A37 that cannot be used, with the ERR that says where.</summary>
    private sealed class NamedRecordRefused(Hl7Error error) : Exception(error.Reason)
    {
        public Hl7Error Error { get; } = error;
    }

    /// <summary>
    /// A refusal as MSA-1 and ERR segments: invalid fields are errors (AE) at their PID location; a key, registry or
    /// RPC not allowed, a reused message id or a busy service reject the message (AR: the sender may resend it as it is later).
    /// </summary>
    private static (string Code, IReadOnlyList<Hl7Error> Errors) Errors(RpcException refusal, PidMapping.SentRecord? sent)
    {
        var violations = refusal.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (refusal.StatusCode == StatusCode.InvalidArgument && violations is { Count: > 0 })
            return (Hl7Acks.Error, [.. violations.Select(v => new Hl7Error(PidMapping.Location(v.Field, sent), v.Description == "missing" ? 101 : 102,
                $"{v.Field}: {v.Description}"))]);
        return refusal.StatusCode switch
        {
            StatusCode.InvalidArgument => (Hl7Acks.Error, [new Hl7Error("PID", 101, refusal.Status.Detail)]),
            StatusCode.NotFound => (Hl7Acks.Error, [new Hl7Error("MRG^1^1", 204, refusal.Status.Detail)]),
            StatusCode.Aborted or StatusCode.FailedPrecondition => (Hl7Acks.Error, [new Hl7Error("PID", 206, refusal.Status.Detail)]),
            StatusCode.AlreadyExists => (Hl7Acks.Reject, [new Hl7Error("MSH^1^10", 205, refusal.Status.Detail)]),
            // Shed by admission control: nothing was registered, and the same message may be sent again as it is.
            StatusCode.ResourceExhausted or StatusCode.Unavailable => (Hl7Acks.Reject, [new Hl7Error("MSH", 207, $"busy, send it again shortly: {refusal.Status.Detail}")]),
            _ => (Hl7Acks.Reject, [new Hl7Error("MSH", 207, refusal.Status.Detail)]),
        };
    }

    private (string Ack, string Type, string Code) Answer(Er7Message? message, string type, string code, IReadOnlyList<Hl7Error> errors, IReadOnlyList<string>? zmp = null) =>
        (Hl7Acks.Of(message, code, errors, zmp, time.GetUtcNow()), type, code);

    /// <summary>
    /// MSH-9 as the log line names it: an HL7 code pair (<c>ADT^A04</c>), or "other" — never the sender's text as it
    /// came, which could carry anything (a forged log line, a patient's name).
    /// </summary>
    private static string LoggedType(string code, string trigger) => IsCode(code) && IsCode(trigger) ? $"{code}^{trigger}" : "other";

    private static bool IsCode(string text) => text.Length is > 0 and <= 3 && text.All(char.IsAsciiLetterOrDigit);
}
