using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mpi.Tools.Load;

/// <summary>
/// The channel an interface engine should use in front of several replicas: client-side round robin over the
/// replicas that say SERVING (<see cref="ServingReplicasResolver"/>), and a call that finds its replica gone
/// (UNAVAILABLE) sent again on another — safe for Register, which is idempotent by message id and by record key.
/// One address gives a plain channel.
/// </summary>
internal static class ReplicaChannel
{
    /// <summary>A channel over <paramref name="addresses"/>: one address, or several separated by commas.</summary>
    public static GrpcChannel For(string addresses, GrpcChannelOptions? options = null)
    {
        var replicas = Split(addresses);
        options ??= new GrpcChannelOptions();
        if (replicas.Count == 1) return GrpcChannel.ForAddress(replicas[0], options);
        var services = new ServiceCollection();
        services.AddSingleton<Grpc.Net.Client.Balancer.ResolverFactory>(new ServingReplicasResolverFactory(replicas));
        options.ServiceProvider = services.BuildServiceProvider();
        options.Credentials = ChannelCredentials.Insecure;
        options.ServiceConfig = new ServiceConfig
        {
            LoadBalancingConfigs = { new RoundRobinConfig() },
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromSeconds(1), BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        };
        return GrpcChannel.ForAddress("replicas:///mpi", options);
    }

    /// <summary>The addresses in <paramref name="addresses"/> (comma-separated), each an absolute http:// URI.</summary>
    public static IReadOnlyList<Uri> Split(string addresses) =>
        [.. addresses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => new Uri(a, UriKind.Absolute))];
}
