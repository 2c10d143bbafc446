using Microsoft.Extensions.Options;
using Mpi.Service.Configuration;

namespace Mpi.Service.Matching;

/// <summary>
/// Which automatic links are put to a reviewer as quality checks: one in <see cref="MpiServiceOptions.QualityCheckOneIn"/>,
/// by an FNV-1a hash of the record key. Repeatable (a re-run samples the same records) and independent of every
/// score, so the checked links are a fair sample of the auto-link band.
/// </summary>
public sealed class QualityCheckSampler(IOptions<MpiServiceOptions> options)
{
    public bool Samples(string registry, string localId)
    {
        var oneIn = options.Value.QualityCheckOneIn;
        if (oneIn <= 0) return false;
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var c in registry) hash = (hash ^ c) * 1_099_511_628_211UL;
        hash = (hash ^ '\n') * 1_099_511_628_211UL;
        foreach (var c in localId) hash = (hash ^ c) * 1_099_511_628_211UL;
        return hash % (ulong)oneIn == 0;
    }
}
