using Google.Protobuf.Reflection;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>Every RPC of the mpi.v1 contract, read from the proto descriptors: a new RPC joins every walk over them.</summary>
public static class ContractRpcs
{
    public static IEnumerable<MethodDescriptor> All() => new[]
    {
        RegistrationReflection.Descriptor, PersonsReflection.Descriptor, ReviewReflection.Descriptor, ModelReflection.Descriptor, ChangesReflection.Descriptor,
    }.SelectMany(file => file.Services).SelectMany(service => service.Methods);
}
