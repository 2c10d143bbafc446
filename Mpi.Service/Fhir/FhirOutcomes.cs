using Google.Rpc;
using Grpc.Core;
using Hl7.Fhir.Model;
using Mpi.Contracts.V1;
using static Hl7.Fhir.Model.OperationOutcome;

namespace Mpi.Service.Fhir;

/// <summary>
/// Refusals and receipts as OperationOutcomes: a gRPC status as its HTTP status, each field the contract names as the
/// Patient element it came from (FHIRPath in <c>expression</c>), with the reason. Reasons may quote what was sent, so
/// they go to the caller only, never to a log.
/// </summary>
public static class FhirOutcomes
{
    public static (int Status, OperationOutcome Outcome) Of(RpcException refusal, PatientMapping.SentRecord? sent)
    {
        var (status, type) = KindOf(refusal.StatusCode);
        var outcome = new OperationOutcome();
        var violations = refusal.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is { Count: > 0 })
            foreach (var violation in violations)
                outcome.Issue.Add(Issue(IssueSeverity.Error, IssueType.Invalid, $"{violation.Field}: {violation.Description}", Element(violation.Field, sent)));
        else outcome.Issue.Add(Issue(IssueSeverity.Error, type, refusal.Status.Detail, null));
        return (status, outcome);
    }

    /// <summary>A refusal of the FHIR face's own (before the application is asked): status, issue type, what and where.</summary>
    public static OperationOutcome Refusal(IssueType type, string diagnostics, string? expression = null) =>
        new() { Issue = [Issue(IssueSeverity.Error, type, diagnostics, expression)] };

    /// <summary>A registration's answer: the decision first, then one issue per field normalised or set aside.</summary>
    public static OperationOutcome Registered(RegisterResponse response, PatientMapping.SentRecord sent)
    {
        var decision = Faces.DecisionWords.Of(response.Decision);
        var said = $"decision {decision}: person {response.PersonId}"
            + (response.Probability > 0 ? $", probability {response.Probability:0.000}" : "")
            + (response.ReviewTaskId.Length > 0 ? $", review task {response.ReviewTaskId}" : "")
            + (response.Stale ? ", stale: an older version than the one held, kept aside" : "");
        var outcome = new OperationOutcome { Issue = [Issue(IssueSeverity.Information, IssueType.Informational, said, null)] };
        foreach (var receipt in response.Receipts)
        {
            if (receipt.Outcome == FieldOutcome.SetAside)
                outcome.Issue.Add(Issue(IssueSeverity.Warning, IssueType.Value, $"{receipt.Field}: set aside: {receipt.Reason}", Element(receipt.Field, sent)));
            else if (receipt.Outcome == FieldOutcome.Normalized)
                outcome.Issue.Add(Issue(IssueSeverity.Information, IssueType.Informational, $"{receipt.Field}: stored as {receipt.Stored}", Element(receipt.Field, sent)));
        }
        foreach (var (element, why) in sent.NotRead ?? [])
            outcome.Issue.Add(Issue(IssueSeverity.Warning, IssueType.NotSupported, $"{element}: {why}", element));
        return outcome;
    }

    /// <summary>The Patient element a contract field (<c>demographics.birth_date</c>, <c>identifiers[1]</c>, <c>key.local_id</c>) came from.</summary>
    public static string? Element(string field, PatientMapping.SentRecord? sent)
    {
        var name = field.StartsWith("demographics.", StringComparison.Ordinal) ? field["demographics.".Length..] : field;
        if (name.StartsWith("identifiers[", StringComparison.Ordinal) && int.TryParse(name["identifiers[".Length..].TrimEnd(']'), out var index))
            return sent is not null && index < sent.IdentifierIndexes.Count ? $"Patient.identifier[{sent.IdentifierIndexes[index]}]" : "Patient.identifier";
        var person = sent?.NameIndex ?? 0;
        return name switch
        {
            "key.registry" or "key.local_id" or "record" => sent is { KeyIndex: >= 0 } ? $"Patient.identifier[{sent.KeyIndex}]" : "Patient.identifier",
            "given_name" => $"Patient.name[{person}].given[0]",
            "middle_name" => $"Patient.name[{person}].given[1]",
            "family_name" => $"Patient.name[{person}].family",
            "suffix" => $"Patient.name[{person}].suffix[0]",
            "birth_date" => "Patient.birthDate",
            "sex" => "Patient.gender",
            "address_line" => "Patient.address[0].line[0]",
            "address_line2" => "Patient.address[0].line[1]",
            "city" => "Patient.address[0].city",
            "state" => "Patient.address[0].state",
            "postal_code" => "Patient.address[0].postalCode",
            "phone" => "Patient.telecom.where(system='phone')",
            "email" => "Patient.telecom.where(system='email')",
            "national_id" => "Patient.identifier.where(type.coding.code='NI')",
            _ => null,
        };
    }

    /// <summary>A gRPC status as the HTTP status and issue type a FHIR client expects.</summary>
    private static (int Status, IssueType Type) KindOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => (StatusCodes.Status400BadRequest, IssueType.Invalid),
        StatusCode.Unauthenticated => (StatusCodes.Status401Unauthorized, IssueType.Login),
        StatusCode.PermissionDenied => (StatusCodes.Status403Forbidden, IssueType.Forbidden),
        StatusCode.NotFound => (StatusCodes.Status404NotFound, IssueType.NotFound),
        StatusCode.AlreadyExists or StatusCode.Aborted or StatusCode.FailedPrecondition => (StatusCodes.Status409Conflict, IssueType.Conflict),
        StatusCode.ResourceExhausted or StatusCode.Unavailable => (StatusCodes.Status503ServiceUnavailable, IssueType.Transient),
        _ => (StatusCodes.Status500InternalServerError, IssueType.Exception),
    };

    private static IssueComponent Issue(IssueSeverity severity, IssueType type, string diagnostics, string? expression)
    {
        var issue = new IssueComponent { Severity = severity, Code = type, Diagnostics = diagnostics };
        if (expression is not null) issue.Expression = [expression];
        return issue;
    }
}
