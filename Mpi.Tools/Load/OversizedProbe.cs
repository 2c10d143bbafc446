using System.Globalization;
using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tools.Load;

/// <summary>
/// <c>load --oversized N</c>: N concurrent Register calls, each carrying a given name of the size asked for, sent with
/// whatever key was given (none, for the hostile case). The service must refuse them without reading them: watch
/// its resident memory while this runs. Prints how each call was answered.
/// </summary>
internal static class OversizedProbe
{
    public static async Task<string> RunAsync(RegistrationService.RegistrationServiceClient client, Metadata headers, int calls, int megabytes,
        CancellationToken cancellation)
    {
        var name = new string('A', megabytes * 1_000_000);
        var answers = await Task.WhenAll(Enumerable.Range(0, calls).Select(i => Task.Run(async () =>
        {
            try
            {
                await client.RegisterAsync(new RegisterRequest
                {
                    Key = new RecordKey { Registry = "OVERSIZED_PROBE", LocalId = $"probe-{i}" },
                    Demographics = new Demographics { GivenName = name, FamilyName = "PROBE" },
                }, headers, cancellationToken: cancellation);
                return "OK";
            }
            catch (RpcException e)
            {
                return e.StatusCode.ToString();
            }
        }, cancellation)));
        var counts = answers.GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
        return string.Create(CultureInfo.InvariantCulture, $"oversized calls={calls} megabytes_each={megabytes} {string.Join(' ', counts)}");
    }
}
