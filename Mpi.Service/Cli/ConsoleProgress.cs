using Spectre.Console;

namespace Mpi.Service.Cli;

/// <summary>
/// Progress of a long step: a Spectre.Console bar on an interactive terminal, otherwise (a pipe, a log, CI=true)
/// nothing but the step's name, so that logs stay readable.
/// </summary>
internal static class ConsoleProgress
{
    private static bool Interactive =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is not ("true" or "1");

    /// <summary>Runs <paramref name="work"/>, which reports completed units out of <paramref name="total"/>.</summary>
    public static T Run<T>(string step, long total, Func<Action<long>, T> work)
    {
        if (!Interactive)
        {
            Console.Error.WriteLine($"{step}…");
            return work(_ => { });
        }
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(step, maxValue: Math.Max(1, total));
                result = work(done => task.Value = Math.Min(done, total));
                task.Value = task.MaxValue;
            });
        return result;
    }
}
