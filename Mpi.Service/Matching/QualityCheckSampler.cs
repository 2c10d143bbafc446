using Microsoft.Extensions.Options;
using Mpi.Matching.Blocking;
using Mpi.Service.Configuration;

namespace Mpi.Service.Matching;

/// <summary>
/// Which automatic links are put to a reviewer as quality checks: one in <see cref="MpiServiceOptions.QualityCheckOneIn"/>,
/// by the record key's FNV-1a hash (<see cref="BlockingKeyHash"/>, the one the blocking keys use). Repeatable (a re-run
/// samples the same records) and independent of every score, so the checked links are a fair sample of the auto-link band.
/// </summary>
public sealed class QualityCheckSampler(IOptions<MpiServiceOptions> options)
{
    public bool Samples(string registry, string localId)
    {
        var oneIn = options.Value.QualityCheckOneIn;
        if (oneIn <= 0) return false;
        var hash = BlockingKeyHash.For(0);
        hash.Add(registry);
        hash.Add(localId);
        return hash.Value % (ulong)oneIn == 0;
    }
}
