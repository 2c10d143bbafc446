using Hl7.Fhir.Model;
using Mpi.Contracts.V1;

namespace Mpi.Service.Fhir;

/// <summary>
/// A Match answer as $match's searchset Bundle: one entry per candidate person, best first, with its probability as
/// <c>search.score</c> and the match grade: <c>certain</c> for the person the decision links to, <c>probable</c> for a
/// candidate in the review band or above, <c>possible</c> below. With onlyCertainMatches at most that one person,
/// and only when the decision is a link: a caller who only needs the one gets no list of near misses.
/// </summary>
public static class MatchBundles
{
    public static Bundle Of(MatchResponse response, string baseUrl, int? count, bool onlyCertain)
    {
        var linked = response.Decision is Decision.AutoLink or Decision.RuleLink;
        var candidates = response.Candidates.AsEnumerable();
        if (onlyCertain) candidates = linked ? candidates.Take(1) : [];
        if (count is { } most) candidates = candidates.Take(most);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow } };
        foreach (var (candidate, rank) in candidates.Select((c, i) => (c, i)))
        {
            var grade = linked && rank == 0 ? "certain" : candidate.Band is ThresholdBand.AutoLink or ThresholdBand.Review ? "probable" : "possible";
            var person = new PersonView
            {
                PersonId = candidate.PersonId, State = PersonState.Active, Golden = candidate.Golden,
                Records = { candidate.Records.Select(k => new SourceRecordView { Key = k, PersonId = candidate.PersonId }) },
            };
            var search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match, Score = (decimal)Math.Round(candidate.Probability, 6) };
            search.Extension.Add(new Extension(FhirIdentifiers.MatchGrade, new Code(grade)));
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"{baseUrl}Patient/{candidate.PersonId}", Resource = PatientMapping.ToPatient(person), Search = search });
        }
        bundle.Total = bundle.Entry.Count;
        return bundle;
    }
}
