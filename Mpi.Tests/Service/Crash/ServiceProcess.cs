using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;

namespace Mpi.Tests.Service.Crash;

/// <summary>
/// The service as an operator runs it: <c>dotnet Mpi.Service.dll --port 0 --metrics-port 0 --database …</c> in a separate process,
/// its address and (on the first start) development key read from what it prints. It can be killed hard
/// (SIGKILL on Linux), and is killed on dispose if still running, so a failing test leaves no process behind.
/// </summary>
internal sealed partial class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(string databasePath, string workingDirectory, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Mpi.Service.dll"), "--port", "0", "--metrics-port", "0", "--ui-port", "0", "--fhir-port", "0", "--database", databasePath })
            start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
    }

    /// <summary>The gRPC address, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The development key printed on the first start; null when the database already had credentials.</summary>
    public string? DevelopmentKey { get; private set; }

    public int Id => _process.Id;

    /// <summary>Everything the process printed so far (standard output and error, interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_outputLock) return _output.ToString();
        }
    }

    /// <summary>Starts the service on <paramref name="databasePath"/> (with more arguments and environment, if given) and waits until it listens.</summary>
    public static Task<ServiceProcess> StartAsync(string databasePath, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null,
        params string[] arguments) =>
        StartInAsync(Path.GetDirectoryName(databasePath)!, databasePath, timeout, environment, arguments);

    /// <summary>
    /// Starts the service on <paramref name="database"/> (a file path or a PostgreSQL connection string) in
    /// <paramref name="workingDirectory"/>, where it keeps what is its own (the review UI's cookie keys), and waits until it listens.
    /// </summary>
    public static async Task<ServiceProcess> StartInAsync(string workingDirectory, string database, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var service = new ServiceProcess(database, workingDirectory, environment, arguments);
        try
        {
            service._process.Start();
            service._process.BeginOutputReadLine();
            service._process.BeginErrorReadLine();
            var exited = service._process.WaitForExitAsync();
            if (await Task.WhenAny(service._listening.Task, exited).WaitAsync(timeout) == exited)
                throw new InvalidOperationException($"the service exited (code {service._process.ExitCode}) before listening. Its output:\n{service.Output}");
            service.Address = await service._listening.Task;
            return service;
        }
        catch (TimeoutException)
        {
            var output = service.Output;
            service.Dispose();
            throw new TimeoutException($"the service did not listen within {timeout.TotalSeconds:0} s. Its output:\n{output}");
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>The development steward's password printed on the first start, or null.</summary>
    public string? DevelopmentStewardPassword => StewardLine().Match(Output) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The review UI's address: the third endpoint announced (after gRPC and metrics).</summary>
    public Task<string> UiAddressAsync(TimeSpan timeout) => EndpointAsync(2, timeout);

    /// <summary>The address of the endpoint announced in place <paramref name="index"/>: gRPC, metrics, UI, FHIR, then the MLLP listeners.</summary>
    public async Task<string> EndpointAsync(int index, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (ListeningLine().Matches(Output) is var lines && lines.Count <= index) await Task.Delay(50, cancellation.Token);
        return ListeningLine().Matches(Output)[index].Groups[1].Value;
    }

    /// <summary>A channel that sends <paramref name="key"/> as a bearer token with every call.</summary>
    public GrpcChannel ChannelWith(string key) => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
            CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", $"Bearer {key}"); return Task.CompletedTask; })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    /// <summary>Kills the process (and any child) without warning — SIGKILL on Linux — and waits until it is gone.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(timeout);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to kill.
        }
        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_outputLock) _output.AppendLine(line);
        if (DevelopmentKeyLine().Match(line) is { Success: true } key) DevelopmentKey = key.Groups[1].Value;
        // The gRPC endpoint is configured (and announced) before the metrics endpoint: the first address is gRPC.
        if (ListeningLine().Match(line) is { Success: true } listening) _listening.TrySetResult(listening.Groups[1].Value);
    }

    /// <summary>The host that runs this test (the dotnet CLI sets DOTNET_HOST_PATH), else dotnet from the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"shown once\): (mpi_\S+)")]
    private static partial Regex DevelopmentKeyLine();

    [GeneratedRegex(@"steward \(shown once\): user steward, password (\S+)")]
    private static partial Regex StewardLine();
}
