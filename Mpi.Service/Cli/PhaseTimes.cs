using System.Diagnostics;
using System.Globalization;

namespace Mpi.Service.Cli;

/// <summary>Wall-clock seconds of a batch run's phases, printed at the end ("read=2.1s train=4.0s … total=…").</summary>
internal sealed class PhaseTimes
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    public T Time<T>(string phase, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        _phases.Add((phase, clock.Elapsed));
        return result;
    }

    public void Time(string phase, Action work) => Time(phase, () => { work(); return 0; });

    public override string ToString() => string.Join(' ',
        _phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase}={p.Elapsed.TotalSeconds:F1}s"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"total={_phases.Sum(p => p.Elapsed.TotalSeconds):F1}s")));
}
