using Mpi.Matching.Blocking;
using Mpi.Matching.Clustering;
using Mpi.Matching.Learning;
using Mpi.Matching.Rules;
using Mpi.Matching.Scoring;
using Mpi.Matching.Settings;

namespace Mpi.Service.Matching;

/// <summary>
/// The model the service decides with, resolved once for the hot path: scorer, deterministic rules and blocking rules.
/// Immutable; activating another model version swaps the whole object.
/// </summary>
public sealed class ActiveModel
{
    public ActiveModel(MatchModel model)
    {
        Model = model;
        Scorer = new PairScorer(model);
        Rules = new ExactRuleEvaluator(model.Rules);
        Compatibility = new PairCompatibility(Scorer, Rules);
        Learned = model.Learned is null ? null : new LearnedScorer(model);
        BlockingRules = [.. model.Blocking.Rules.Select(BlockingRuleCatalog.Get).Select(rule => (rule, BlockingRuleCatalog.All.IndexOf(rule)))];
        GivenNameAverageFrequency = NameFrequencies.AverageOf(model, "given_name");
        FamilyNameAverageFrequency = NameFrequencies.AverageOf(model, "family_name");
    }

    public MatchModel Model { get; }
    public PairScorer Scorer { get; }
    public ExactRuleEvaluator Rules { get; }
    /// <summary>Whether two held records may be one person (merging the persons a new record bridges).</summary>
    public PairCompatibility Compatibility { get; }
    /// <summary>The version's learned re-scorer of review-band pairs, or null when Fellegi–Sunter decides alone.</summary>
    public LearnedScorer? Learned { get; }
    /// <summary>The model's blocking rules with their catalog positions, which key stored blocking keys.</summary>
    public IReadOnlyList<(BlockingRule Rule, int CatalogOrdinal)> BlockingRules { get; }

    /// <summary>The given name's average frequency for term-frequency adjustment (<see cref="NameFrequencies.AverageOf"/>), or null.</summary>
    public double? GivenNameAverageFrequency { get; }

    /// <summary>As <see cref="GivenNameAverageFrequency"/>, for the family name.</summary>
    public double? FamilyNameAverageFrequency { get; }

    /// <summary>The shipped default model (trained without labels on the project's synthetic population).</summary>
    public static MatchModel Default()
    {
        using var stream = typeof(ActiveModel).Assembly.GetManifestResourceStream("Mpi.Service.Model.default-model.json")
            ?? throw new InvalidOperationException("the default model is not embedded");
        using var reader = new StreamReader(stream);
        return MatchModelJson.Deserialize(reader.ReadToEnd());
    }
}
