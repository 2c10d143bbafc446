using System.Reflection;
using Google.Protobuf.Reflection;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// Every RPC of the mpi.v1 contract, read from the proto descriptors of every file generated into the contract's
/// namespace: a new RPC, or a new .proto file with a service, joins every walk over them.
/// </summary>
public static class ContractRpcs
{
    public static IEnumerable<MethodDescriptor> All() =>
        typeof(RegistrationReflection).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RegistrationReflection).Namespace && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Where(file => file.Package == "mpi.v1")
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .SelectMany(file => file.Services).SelectMany(service => service.Methods);
}
