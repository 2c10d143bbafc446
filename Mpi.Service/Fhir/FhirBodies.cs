using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using static Hl7.Fhir.Model.OperationOutcome;
using Task = System.Threading.Tasks.Task;

namespace Mpi.Service.Fhir;

/// <summary>
/// Reads a request's FHIR resource: JSON only, no more than the limit read (a body that claims no length is cut off at
/// it, not buffered whole), parsed by Firely's deserializer, and of the type the operation takes.
/// </summary>
public static class FhirBodies
{
    public const string FhirJson = "application/fhir+json";
    private static readonly FhirJsonDeserializer Deserializer = new();
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The request's resource, or <see cref="FhirRequestRefused"/> saying why not (415, 413, 400).</summary>
    public static async Task<T> ReadAsync<T>(HttpContext context, long limit) where T : Resource
    {
        var type = context.Request.ContentType ?? "";
        if (!type.StartsWith(FhirJson, StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new FhirRequestRefused($"Content-Type: {FhirJson} is served (XML is not)", null, StatusCodes.Status415UnsupportedMediaType, IssueType.NotSupported);
        if (context.Request.ContentLength > limit) throw new FhirRequestRefused($"the body is larger than {limit} bytes", null, StatusCodes.Status413PayloadTooLarge, IssueType.TooLong);
        // Read up to the limit and no further: a body that claims no length is cut off at it, not buffered whole.
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (body.Length + read > limit) throw new FhirRequestRefused($"the body is larger than {limit} bytes", null, StatusCodes.Status413PayloadTooLarge, IssueType.TooLong);
            body.Write(chunk, 0, read);
        }
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (bytes.StartsWith(Utf8Bom)) bytes = bytes[Utf8Bom.Length..];
        string json;
        try
        {
            json = StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            // Latin-1 or other bytes read as UTF-8 would lose letters silently (JOSÉ stored as JOS).
            throw new FhirRequestRefused("the body is not UTF-8 (JSON is sent as UTF-8)", null);
        }
        Resource? resource;
        IEnumerable<Hl7.Fhir.Utility.CodedException> problems;
        try
        {
            if (!Deserializer.TryDeserializeResource(json, out resource, out problems)) resource = null;
        }
        catch (System.Text.Json.JsonException broken)
        {
            // Not JSON at all (cut off, binary): the parser throws rather than reporting.
            throw new FhirRequestRefused($"not JSON: {broken.Message}", null);
        }
        catch (Exception unreadable) when (unreadable is InvalidOperationException or ArgumentException or FormatException)
        {
            // JSON, but not an object the parser can begin a resource from ([], 1, true, a lone surrogate in a string).
            throw new FhirRequestRefused("not a FHIR R4 JSON resource: send one JSON object with its resourceType", null);
        }
        if (resource is null)
            throw new FhirRequestRefused($"not a valid FHIR R4 JSON resource: {string.Join("; ", problems.Take(5).Select(p => p.Message))}", null);
        return resource as T ?? throw new FhirRequestRefused($"expected a {typeof(T).Name}, got a {resource!.TypeName}", null);
    }
}
