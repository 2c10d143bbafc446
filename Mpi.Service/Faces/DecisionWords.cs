using Mpi.Contracts.V1;

namespace Mpi.Service.Faces;

/// <summary>A registration's decision in the words the audit trail uses (auto_link, rule_link, …), for faces that answer in text.</summary>
public static class DecisionWords
{
    public static string Of(Decision decision) => decision switch
    {
        Decision.RuleLink => "rule_link", Decision.AutoLink => "auto_link", Decision.Review => "review", Decision.New => "new", Decision.Updated => "updated",
        _ => "unspecified",
    };
}
