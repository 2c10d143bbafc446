using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Mpi.Service.Cli;
using Mpi.Tests.Service.Csv;

namespace Mpi.Tests.Service.Cli;

/// <summary>A second <c>serve</c> on a port another process holds: one line naming the port and the option, and nothing made.</summary>
public sealed class ServePortInUseTests
{
    [Fact]
    public async Task Serve_WhenItsGrpcPortIsTaken_SaysWhichAndExitsWithoutTouchingTheDatabase()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;
        int[] free = [FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next()];
        using var folder = new TemporaryDirectory();
        var database = folder.Combine("mpi.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        // Were the port not checked, serve would prepare the database and then fail to bind; never wait for ever.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var exit = await CliCommands.Create()
            .Parse(["serve", "--database", database, "--port", $"{taken}", "--metrics-port", $"{free[0]}", "--ui-port", $"{free[1]}", "--fhir-port", $"{free[2]}"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, limit.Token);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Equal($"port {taken} on 127.0.0.1, for gRPC (--port) is in use: is another serve running? Stop it, or choose another port",
            error.ToString().Trim());
        Assert.False(File.Exists(database));
        // Nor the review UI's key folder beside it: a refused start leaves the folder as it found it.
        Assert.Equal([], Directory.GetFileSystemEntries(folder.Path));
    }
}
