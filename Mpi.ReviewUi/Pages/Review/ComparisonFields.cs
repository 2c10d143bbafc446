using Mpi.Matching.Scoring;

namespace Mpi.ReviewUi.Pages.Review;

/// <summary>
/// Which record fields each comparison of the model reads, so the task page can colour every field by the level its
/// comparison reached. Fields no comparison reads (suffix) are shown uncoloured at the end.
/// </summary>
public static class ComparisonFields
{
    public static readonly IReadOnlyList<string> AllFields =
        ["given_name", "middle_name", "family_name", "suffix", "birth_date", "sex", "address_line", "address_line2", "city", "state", "postal_code",
            "phone", "email", "national_id"];

    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["location"] = ["address_line", "address_line2", "city", "state", "postal_code", "phone"],
    };

    public static IReadOnlyList<string> Of(string comparison) => Fields.TryGetValue(comparison, out var fields) ? fields : [comparison];

    /// <summary>The CSS class of a level: missing (no evidence), strong or weak agreement, or evidence against.</summary>
    public static string LevelClass(ComparisonOutcome outcome) => outcome.Level == 0 || outcome.Label == "missing" ? "level-missing"
        : outcome.Weight >= 1 ? "level-strong" : outcome.Weight > 0 ? "level-weak" : "level-against";

    public static string Label(string field) => field.Replace('_', ' ');

    /// <summary>A typed identifier as clerks read it: type, assigning authority in brackets when known, value.</summary>
    public static string Identifier(Mpi.Matching.Records.RecordIdentifier id) => id.Authority.Length > 0 ? $"{id.Type} ({id.Authority}) {id.Value}" : $"{id.Type} {id.Value}";
}
