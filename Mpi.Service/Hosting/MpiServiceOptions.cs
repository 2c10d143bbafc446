using System.ComponentModel.DataAnnotations;

namespace Mpi.Service.Hosting;

/// <summary>The service's settings, bound from the <c>Mpi</c> configuration section (appsettings, environment, command line).</summary>
public sealed class MpiServiceOptions
{
    public const string Section = "Mpi";

    /// <summary>Loopback or all-interfaces port of the cleartext HTTP/2 gRPC endpoint (default 5080).</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 5080;

    /// <summary>Port of the HTTP/1.1 endpoint that serves <c>/metrics</c> (Prometheus text format; default 5081).</summary>
    [Range(0, 65535)]
    public int MetricsPort { get; set; } = 5081;

    /// <summary>Port of the HTTP/1.1 endpoint that serves the review UI (default 5082).</summary>
    [Range(0, 65535)]
    public int UiPort { get; set; } = 5082;

    /// <summary>Listen on every interface instead of loopback only.</summary>
    public bool ListenOnAllInterfaces { get; set; }

    /// <summary>The SQLite file (created and migrated on first start).</summary>
    [Required]
    public string DatabasePath { get; set; } = "mpi.db";

    /// <summary>
    /// SQLite page cache per connection, in megabytes (default 64). The registration writer touches index pages all
    /// over the file; with SQLite's 2 MB default a registry of a million persons reads them from the OS on every call.
    /// </summary>
    [Range(2, 16_384)]
    public int SqliteCacheMegabytes { get; set; } = 64;

    /// <summary>How often the service re-reads API credentials, in seconds (default 30): the longest a key revoked from
    /// the command line keeps working.</summary>
    [Range(1, 3600)]
    public int CredentialRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// Load the record directory (every record, normalised, and the blocking index) in the background right after
    /// start-up (default on); otherwise the first Register or Match loads it.
    /// </summary>
    public bool LoadRecordsAtStart { get; set; } = true;

    /// <summary>Write logs as compact JSON instead of plain text.</summary>
    public bool JsonLogs { get; set; }
}
