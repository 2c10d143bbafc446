using Grpc.Core;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;
using Mpi.Contracts.V1;
using Mpi.Service.Configuration;
using Mpi.Service.Faces;
using Mpi.Service.Grpc;
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
public sealed class FhirFace(RequestDelegate next, GrpcLoopback gateway, CredentialStore credentials, IOptions<MpiServiceOptions> options, MpiMetrics metrics)
{
    private const string FhirJson = "application/fhir+json";
    private static readonly FhirJsonDeserializer Deserializer = new();
    private static readonly FhirJsonSerializer Serializer = new();

    public async Task InvokeAsync(HttpContext context)
    {
        _ = next; // the FHIR port answers FHIR only: nothing after this middleware sees its requests
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
        catch (BadRequestException problem) when (!context.Response.HasStarted)
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
        var patient = await ReadResourceAsync<Patient>(context);
        var (sent, problem) = PatientMapping.ToRecord(patient, keyRequired: !conditional);
        if (sent is null) throw new BadRequestException(problem!, "Patient.identifier");
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
        var token = FhirIdentifiers.Token(context.Request.Query["identifier"].ToString());
        if (token is not { } named || FhirIdentifiers.RegistryOf(named.System) is not { } registry)
            throw new BadRequestException($"identifier: a conditional update names the record as {FhirIdentifiers.RegistryPrefix}<registry>|<local id>", null);
        if (sent.Key is { } key && (key.Registry != registry || key.LocalId != named.Value))
            throw new BadRequestException("Patient.identifier: the record key in the resource is not the one the identifier parameter names",
                $"Patient.identifier[{sent.KeyIndex}]");
        return sent with { Key = new RecordKey { Registry = registry, LocalId = named.Value } };
    }

    private async Task MatchAsync(HttpContext context)
    {
        var parameters = await ReadResourceAsync<Parameters>(context);
        if (parameters.GetSingle("resource")?.Resource is not Patient patient)
            throw new BadRequestException("Parameters.parameter: the resource parameter must hold a Patient", "Parameters.parameter.where(name='resource')");
        var count = parameters.GetSingleValue<Integer>("count")?.Value;
        if (count is < 1) throw new BadRequestException("count: at least 1", "Parameters.parameter.where(name='count')");
        var onlyCertain = parameters.GetSingleValue<FhirBoolean>("onlyCertainMatches")?.Value == true;
        var (sent, _) = PatientMapping.ToRecord(patient, keyRequired: false);
        context.Items[SentItem] = sent;
        var response = await gateway.Registration.MatchAsync(new MatchRequest
        {
            Demographics = sent!.Demographics, TopK = count ?? 0, Reason = Reason(context, "FHIR $match"),
        }, GrpcLoopback.CallFor(context));
        await WriteAsync(context, StatusCodes.Status200OK, MatchBundles.Of(response, BaseUrl(context), count, onlyCertain));
    }

    private async Task PixAsync(HttpContext context)
    {
        var source = FhirIdentifiers.Token(context.Request.Query["sourceIdentifier"].ToString());
        if (source is not { } named || FhirIdentifiers.RegistryOf(named.System) is not { } registry || named.Value.Length == 0)
            throw new BadRequestException($"sourceIdentifier: required, as {FhirIdentifiers.RegistryPrefix}<registry>|<local id>", null);
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

    private async Task<T> ReadResourceAsync<T>(HttpContext context) where T : Resource
    {
        var type = context.Request.ContentType ?? "";
        if (!type.StartsWith(FhirJson, StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new BadRequestException($"Content-Type: {FhirJson} is served (XML is not)", null, StatusCodes.Status415UnsupportedMediaType, IssueType.NotSupported);
        var limit = options.Value.MaxMessageKilobytes * 1024L;
        if (context.Request.ContentLength > limit) throw new BadRequestException($"the body is larger than {limit} bytes", null, StatusCodes.Status413PayloadTooLarge, IssueType.TooLong);
        // Read up to the limit and no further: a body that claims no length is cut off at it, not buffered whole.
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (body.Length + read > limit) throw new BadRequestException($"the body is larger than {limit} bytes", null, StatusCodes.Status413PayloadTooLarge, IssueType.TooLong);
            body.Write(chunk, 0, read);
        }
        var json = System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        Resource? resource;
        IEnumerable<Hl7.Fhir.Utility.CodedException> problems;
        try
        {
            if (!Deserializer.TryDeserializeResource(json, out resource, out problems)) resource = null;
        }
        catch (System.Text.Json.JsonException broken)
        {
            // Not JSON at all (cut off, binary): the parser throws rather than reporting.
            throw new BadRequestException($"not JSON: {broken.Message}", null);
        }
        if (resource is null)
            throw new BadRequestException($"not a valid FHIR R4 JSON resource: {string.Join("; ", problems.Take(5).Select(p => p.Message))}", null);
        return resource as T ?? throw new BadRequestException($"expected a {typeof(T).Name}, got a {resource!.TypeName}", null);
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/fhir/";

    private static async Task WriteAsync(HttpContext context, int status, Resource resource)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = FhirJson + "; charset=utf-8";
        await context.Response.WriteAsync(Serializer.SerializeToString(resource), context.RequestAborted);
    }

    /// <summary>A request the face refuses itself, before the application is asked.</summary>
    private sealed class BadRequestException(string message, string? expression, int status = StatusCodes.Status400BadRequest, IssueType type = IssueType.Invalid)
        : Exception(message)
    {
        public string? Expression { get; } = expression;
        public int Status { get; } = status;
        public IssueType Type { get; } = type;
    }
}

/// <summary>Puts the FHIR face on its port.</summary>
public static class FhirFacePipeline
{
    public static WebApplication UseFhirFace(this WebApplication app, Func<HttpContext, bool> isFhirConnection)
    {
        app.UseWhen(isFhirConnection, fhir => fhir.UseMiddleware<FhirFace>());
        return app;
    }
}
