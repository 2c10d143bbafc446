using Mpi.Matching.Scoring;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Review;

/// <summary>
/// Why a task is in the queue, in words a registration clerk understands: one sentence for the queue row and the task
/// page, from the cause decided when the task opened. No demographics (a rival is named by its person id).
/// </summary>
public static class ReviewCauseText
{
    public static string Of(TaskCause? cause) => cause?.Kind switch
    {
        ReviewCauseKind.Guard => $"Scored high enough to link, but held back: {Guard(cause.Guard)}.",
        ReviewCauseKind.Ambiguous => $"Two candidates are too close to call: person {cause.RivalPersonId} scores within the margin of the best.",
        ReviewCauseKind.MergeQuestion => "The record was linked; it also matches other persons whose records agree with its person's. Are they one person?",
        ReviewCauseKind.QualityCheck => "A quality check: the engine linked this record automatically. Same person confirms the link; different person rejects it.",
        ReviewCauseKind.ReviewBand => "Likely the same person, but the score is in the review band: not sure enough to link without you.",
        _ => "In the review band (opened before causes were kept).",
    };

    private static string Guard(GuardReason reason) => reason switch
    {
        GuardReason.NationalIds => "their national ids differ",
        GuardReason.Twins => "different given names with the same family name, date of birth and home (twins?)",
        GuardReason.FatherAndSon => "the same name and home, born a generation apart (father and son?)",
        GuardReason.Namesake => "the same name and date of birth at another address, with no identifier to compare (a namesake?)",
        GuardReason.Disagreement => "a given name or date of birth disagrees, with no national id to vouch for the pair",
        GuardReason.Suffix => "their generational suffixes differ (Jr/Sr)",
        _ => "the identity guard",
    };
}
