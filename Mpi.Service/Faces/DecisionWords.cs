using Mpi.Contracts.V1;
using Mpi.Service.Registration;

namespace Mpi.Service.Faces;

/// <summary>
/// A registration's decision, as the contract carries it, in the words the audit trail uses (auto_link, rule_link, …),
/// for faces that answer in text: <see cref="RegistrationDecisions.Wire"/>'s words, found through the contract mapping.
/// </summary>
public static class DecisionWords
{
    public static string Of(Decision decision) =>
        Enum.GetValues<RegistrationDecision>().Where(d => Grpc.ContractMapping.ToContract(d) == decision).Select(RegistrationDecisions.Wire).FirstOrDefault()
        ?? "unspecified";
}
