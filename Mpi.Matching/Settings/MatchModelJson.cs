using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mpi.Matching.Settings;

/// <summary>Reads and writes <see cref="MatchModel"/> as indented snake_case JSON (source-generated, no reflection).</summary>
public static class MatchModelJson
{
    // Relaxed escaping so that a steward reads "given_phonetic+birth_year" and ">= 0.92", not \u002B and \u003E.
    // Safe here: the document is a file, never embedded in HTML.
    private static readonly MatchModelJsonContext Context = new(new JsonSerializerOptions(MatchModelJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(MatchModel model) => JsonSerializer.Serialize(model, Context.MatchModel);

    /// <summary>Parses a model; throws <see cref="InvalidDataException"/> with the reason when it is not one.</summary>
    public static MatchModel Deserialize(string json)
    {
        MatchModel? model;
        try
        {
            model = JsonSerializer.Deserialize(json, Context.MatchModel);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a model document: {e.Message}", e);
        }
        if (model is null) throw new InvalidDataException("not a model document: empty");
        if (model.FormatVersion != MatchModel.CurrentFormatVersion)
            throw new InvalidDataException($"model format {model.FormatVersion} is not supported (this build reads {MatchModel.CurrentFormatVersion})");
        return model;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MatchModel))]
internal sealed partial class MatchModelJsonContext : JsonSerializerContext;
