using Hl7.Fhir.Model;

namespace Mpi.Service.Fhir;

/// <summary>A request the FHIR face refuses itself, before the application is asked: the HTTP status, the issue type, what and where.</summary>
public sealed class FhirRequestRefused(string message, string? expression, int status = StatusCodes.Status400BadRequest,
    OperationOutcome.IssueType type = OperationOutcome.IssueType.Invalid) : Exception(message)
{
    public string? Expression { get; } = expression;
    public int Status { get; } = status;
    public OperationOutcome.IssueType Type { get; } = type;
}
