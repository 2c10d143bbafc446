using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Logging;

namespace Mpi.Tools.Load;

/// <summary>
/// Health-driven failover for a static list of replicas: every second (and whenever the balancer asks, e.g. after a
/// connection failed) it asks each replica's <c>grpc.health.v1.Health/Check</c> and offers the round-robin balancer
/// only those that say SERVING — a replica still loading its record directory, or gone, gets no calls. When none
/// says SERVING it offers them all, so that the calls' own errors say why.
/// </summary>
/// <remarks>
/// grpc-dotnet ships resolvers (static, DNS) and balancers (pick-first, round robin) but no client-side health
/// checking, hence this resolver; the balancing itself is grpc-dotnet's.
/// </remarks>
internal sealed class ServingReplicasResolver(IReadOnlyList<Uri> replicas, ILoggerFactory loggers) : PollingResolver(loggers)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMilliseconds(500);
    private readonly GrpcChannel[] _checks = [.. replicas.Select(r => GrpcChannel.ForAddress(r))];
    private Timer? _timer;

    protected override void OnStarted()
    {
        base.OnStarted();
        _timer = new Timer(_ => Refresh(), null, Period, Period);
    }

    protected override async Task ResolveAsync(CancellationToken cancellationToken)
    {
        var serving = await Task.WhenAll(_checks.Select(c => IsServingAsync(c, cancellationToken)));
        var offered = replicas.Where((_, i) => serving[i]).ToList();
        if (offered.Count == 0) offered = [.. replicas];
        Listener(ResolverResult.ForResult([.. offered.Select(r => new BalancerAddress(r.Host, r.Port))]));
    }

    private static async Task<bool> IsServingAsync(GrpcChannel channel, CancellationToken cancellation)
    {
        try
        {
            var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(),
                deadline: DateTime.UtcNow.Add(CheckTimeout), cancellationToken: cancellation);
            return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Grpc.Core.RpcException)
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer?.Dispose();
            foreach (var channel in _checks) channel.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>The <c>replicas:///</c> scheme: <see cref="ServingReplicasResolver"/> over a fixed list.</summary>
internal sealed class ServingReplicasResolverFactory(IReadOnlyList<Uri> replicas) : ResolverFactory
{
    public override string Name => "replicas";

    public override Resolver Create(ResolverOptions options) => new ServingReplicasResolver(replicas, options.LoggerFactory);
}
