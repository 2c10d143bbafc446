using Grpc.Core;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;
using Mpi.Contracts.V1;
using Mpi.Service.Configuration;
using Mpi.Service.Faces;
using Mpi.Service.Grpc;
using Mpi.Service.Matching;
using Mpi.Service.Observability;
using Mpi.Service.Security;
using static Hl7.Fhir.Model.OperationOutcome;

namespace Mpi.Service.Fhir;

/// <summary>
/// The FHIR R4 face on its own port: <c>/fhir/metadata</c>, Patient read, create and conditional update,
/// <c>Patient/$match</c> and IHE PIXm's <c>Patient/$ihe-pix</c>, in JSON. It maps only: every request becomes the
/// gRPC call that does the same (<see cref="GrpcLoopback"/>), and every answer or refusal is mapped back. The key is
/// checked from the headers before the body is read, as on the gRPC port.
/// </summary>
public sealed class FhirFace(GrpcLoopback gateway, CredentialStore credentials, IOptions<MpiServiceOptions> options, MpiMetrics metrics)
{
    private static readonly FhirJsonSerializer Serializer = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        try
        {
            if (path == "/fhir/metadata" && HttpMethods.IsGet(method))
            {
                await WriteAsync(context, StatusCodes.Status200OK, FhirCapabilities.Statement(BaseUrl(context)));
                return;
            }
            if (await credentials.AuthenticateAsync(AuthenticationInterceptor.KeyOf(context.Request.Headers.Authorization), context.RequestAborted) is null)
            {
                metrics.Refused("unauthenticated");
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await WriteAsync(context, StatusCodes.Status401Unauthorized, FhirOutcomes.Refusal(IssueType.Login, AuthenticationInterceptor.KeyRequired));
                return;
            }
            var task = (method, path) switch
            {
                ("POST", "/fhir/Patient/$match") => MatchAsync(context),
                ("GET", "/fhir/Patient/$ihe-pix") => PixAsync(context),
                ("POST", "/fhir/Patient") => RegisterAsync(context, conditional: false),
                ("PUT", "/fhir/Patient") => RegisterAsync(context, conditional: true),
                ("GET", _) when path.StartsWith("/fhir/Patient/", StringComparison.Ordinal) && !path["/fhir/Patient/".Length..].Contains('/')
                    => ReadAsync(context, path["/fhir/Patient/".Length..]),
                _ => WriteAsync(context, StatusCodes.Status404NotFound,
                    FhirOutcomes.Refusal(IssueType.NotSupported, $"{method} {path} is not served: see /fhir/metadata")),
            };
            await task;
        }
        catch (RpcException refusal) when (!context.Response.HasStarted)
        {
            var (status, outcome) = FhirOutcomes.Of(refusal, context.Items[SentItem] as PatientMapping.SentRecord);
            // Shed by admission control: when to come back, in whole seconds as HTTP has it (the gRPC RetryInfo's, rounded up).
            if (refusal.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>()?.RetryDelay is { } delay)
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.ToTimeSpan().TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(context, status, outcome);
        }
        catch (FhirRequestRefused problem) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, problem.Status, FhirOutcomes.Refusal(problem.Type, problem.Message, problem.Expression));
        }
    }

    private static readonly object SentItem = new();

    private async Task ReadAsync(HttpContext context, string personId)
    {
        var person = await gateway.Persons.GetPersonAsync(new GetPersonRequest { PersonId = personId, Reason = Reason(context, "FHIR read") },
            GrpcLoopback.CallFor(context));
        await WriteAsync(context, StatusCodes.Status200OK, PatientMapping.ToPatient(person));
    }

    private async Task RegisterAsync(HttpContext context, bool conditional)
    {
        var patient = await FhirBodies.ReadAsync<Patient>(context, options.Value.MaxMessageKilobytes * 1024L);
        var (sent, problem) = PatientMapping.ToRecord(patient, keyRequired: !conditional);
        if (sent is null) throw new FhirRequestRefused(problem!, "Patient.identifier");
        if (conditional) sent = WithConditionKey(context, sent);
        context.Items[SentItem] = sent;
        var request = new RegisterRequest
        {
            Key = sent.Key, Demographics = sent.Demographics, MessageId = context.Request.Headers["X-Message-Id"].ToString(),
            // FHIR's own word for "do what you can with it": a field that cannot be used is set aside, with a warning issue.
            InvalidFieldPolicy = context.Request.Headers["Prefer"].ToString().Contains("handling=lenient", StringComparison.OrdinalIgnoreCase)
                ? InvalidFieldPolicy.SetAside : InvalidFieldPolicy.Reject,
        };
        var response = await gateway.Registration.RegisterAsync(request, GrpcLoopback.CallFor(context));
        context.Response.Headers.Location = $"{BaseUrl(context)}Patient/{response.PersonId}";
        await WriteAsync(context, response.Decision == Decision.Updated ? StatusCodes.Status200OK : StatusCodes.Status201Created,
            FhirOutcomes.Registered(response, sent));
    }

    /// <summary>A conditional update names the record by <c>?identifier=urn:mpi:registry:REG|local id</c>; a key in the body must be the same.</summary>
    private static PatientMapping.SentRecord WithConditionKey(HttpContext context, PatientMapping.SentRecord sent)
    {
        // Two identifier parameters would be joined with a comma into one local id: a conditional update names one record.
        var identifiers = context.Request.Query["identifier"];
        var token = identifiers.Count == 1 ? FhirIdentifiers.Token(identifiers.ToString()) : null;
        if (token is not { } named || FhirIdentifiers.RegistryOf(named.System) is not { } registry)
            throw new FhirRequestRefused($"identifier: a conditional update names the record as {FhirIdentifiers.RegistryPrefix}<registry>|<local id>", null);
        if (sent.Key is { } key && (key.Registry != registry || key.LocalId != named.Value))
            throw new FhirRequestRefused("Patient.identifier: the record key in the resource is not the one the identifier parameter names",
                $"Patient.identifier[{sent.KeyIndex}]");
        return sent with { Key = new RecordKey { Registry = registry, LocalId = named.Value } };
    }

    private async Task MatchAsync(HttpContext context)
    {
        var parameters = await FhirBodies.ReadAsync<Parameters>(context, options.Value.MaxMessageKilobytes * 1024L);
        if (OneParameter(parameters, "resource")?.Resource is not Patient patient)
            throw new FhirRequestRefused("Parameters.parameter: the resource parameter must hold a Patient", "Parameters.parameter.where(name='resource')");
        var count = OneValue<Integer>(parameters, "count", "valueInteger")?.Value;
        if (count is < 1) throw new FhirRequestRefused("count: at least 1", "Parameters.parameter.where(name='count')");
        var onlyCertain = OneValue<FhirBoolean>(parameters, "onlyCertainMatches", "valueBoolean")?.Value == true;
        var (sent, _) = PatientMapping.ToRecord(patient, keyRequired: false);
        context.Items[SentItem] = sent;
        var response = await gateway.Registration.MatchAsync(new MatchRequest
        {
            // FHIR's count is an upper bound a server may answer under: beyond Match's own bound it is that bound.
            Demographics = sent!.Demographics, TopK = Math.Min(count ?? 0, RecordMatcher.MaxTopK), Reason = Reason(context, "FHIR $match"),
        }, GrpcLoopback.CallFor(context));
        await WriteAsync(context, StatusCodes.Status200OK, MatchBundles.Of(response, BaseUrl(context), count, onlyCertain));
    }

    /// <summary>The parameter of that name, null when absent; given twice, it is refused (which one was meant is not known).</summary>
    private static Parameters.ParameterComponent? OneParameter(Parameters parameters, string name)
    {
        var given = parameters.Parameter.Where(p => p.Name == name).Take(2).ToList();
        if (given.Count > 1) throw new FhirRequestRefused($"{name}: given more than once", $"Parameters.parameter.where(name='{name}')");
        return given.SingleOrDefault();
    }

    /// <summary>The parameter's value, null when absent; a value of another type is refused, not ignored (onlyCertainMatches as a string).</summary>
    private static T? OneValue<T>(Parameters parameters, string name, string valueElement) where T : DataType =>
        OneParameter(parameters, name) is not { } parameter ? null
            : parameter.Value as T ?? throw new FhirRequestRefused($"{name}: a {valueElement} is expected", $"Parameters.parameter.where(name='{name}')");

    private async Task PixAsync(HttpContext context)
    {
        var source = FhirIdentifiers.Token(context.Request.Query["sourceIdentifier"].ToString());
        if (source is not { } named || FhirIdentifiers.RegistryOf(named.System) is not { } registry || named.Value.Length == 0)
            throw new FhirRequestRefused($"sourceIdentifier: required, as {FhirIdentifiers.RegistryPrefix}<registry>|<local id>", null);
        var targets = context.Request.Query["targetSystem"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet(StringComparer.Ordinal);
        var person = await gateway.Persons.GetPersonAsync(new GetPersonRequest
        {
            Record = new RecordKey { Registry = registry, LocalId = named.Value }, Reason = Reason(context, "PIXm query"),
        }, GrpcLoopback.CallFor(context));
        await WriteAsync(context, StatusCodes.Status200OK, PixResponses.Of(person, registry, named.Value, targets, BaseUrl(context)));
    }

    /// <summary>The audit's reason: the caller's <c>X-Mpi-Reason</c> header, else what the face was asked.</summary>
    private static string Reason(HttpContext context, string asked) =>
        context.Request.Headers["X-Mpi-Reason"].ToString() is { Length: > 0 } given ? given : asked;

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/fhir/";

    private static async Task WriteAsync(HttpContext context, int status, Resource resource)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = FhirBodies.FhirJson + "; charset=utf-8";
        await context.Response.WriteAsync(Serializer.SerializeToString(resource), context.RequestAborted);
    }
}
