using Microsoft.AspNetCore.Server.Kestrel.Core;
using Mpi.Service.Configuration;

namespace Mpi.Service.Hosting;

/// <summary>
/// Kestrel's per-connection bounds, set from configuration rather than left to Kestrel's defaults: they hold before a
/// caller's key is checked, so they are what a keyless connection can make the server keep. At most
/// <see cref="MpiServiceOptions.MaxStreamsPerConnection"/> calls' headers (each at most
/// <see cref="MpiServiceOptions.MaxRequestHeadersKilobytes"/>) and <see cref="MpiServiceOptions.ConnectionWindowKilobytes"/>
/// of unread request data per connection: HTTP/2 flow control lets a client send no more until the server reads
/// (Kestrel closes a connection that does).
/// </summary>
public static class ConnectionLimits
{
    public static void Apply(KestrelServerLimits limits, MpiServiceOptions options)
    {
        limits.Http2.MaxStreamsPerConnection = options.MaxStreamsPerConnection;
        limits.Http2.InitialConnectionWindowSize = options.ConnectionWindowKilobytes * 1024;
        limits.Http2.InitialStreamWindowSize = options.StreamWindowKilobytes * 1024;
        limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersKilobytes * 1024;
    }
}
