using System.ComponentModel.DataAnnotations;

namespace Mpi.Service.Configuration;

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

    /// <summary>Port of the HTTP/1.1 endpoint of the FHIR R4 face (<c>/fhir</c>: Patient, $match, PIXm; default 5083).</summary>
    [Range(0, 65535)]
    public int FhirPort { get; set; } = 5083;

    /// <summary>HL7 v2 MLLP listeners, each bound to one API key and its allowed sources (none by default; <c>serve --mllp-port</c> sets the first's port).</summary>
    public List<Hl7v2.MllpListenerOptions> MllpListeners { get; set; } = [];

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

    /// <summary>
    /// How far back the identity-change feed serves (default 30 days): a consumer whose cursor is older gets OUT_OF_RANGE
    /// with the oldest cursor, and resynchronises. The link history itself is kept whole.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan FeedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the service re-reads API credentials, in seconds (default 30): the longest a key revoked from
    /// the command line keeps working.</summary>
    [Range(1, 3600)]
    public int CredentialRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// Load the record directory (every record, normalised, and the blocking index) in the background right after
    /// start-up (default on); otherwise the first Register or Match loads it.
    /// </summary>
    public bool LoadRecordsAtStart { get; set; } = true;

    /// <summary>
    /// The largest gRPC message accepted, in kilobytes (default 64): a Register with every field at its 1,000-character
    /// bound is under 20 KB. A longer message is refused from its length prefix, before it is read.
    /// </summary>
    [Range(16, 4096)]
    public int MaxMessageKilobytes { get; set; } = 64;

    /// <summary>
    /// RegisterStreams one key may hold open at once (default 8, what <c>load --stream</c> opens by default); more are
    /// refused with RESOURCE_EXHAUSTED. One writer serves them all, so more streams add queueing, not throughput.
    /// </summary>
    [Range(1, 1000)]
    public int MaxStreamsPerKey { get; set; } = 8;

    /// <summary>RegisterStreams open at once across all keys (default 64).</summary>
    [Range(1, 10_000)]
    public int MaxStreams { get; set; } = 64;

    /// <summary>
    /// HTTP/2 streams (calls) one connection may have open at once (default 100, Kestrel's own): a keyless caller can
    /// hold this many calls' headers per connection before each is refused. Clients queue calls beyond it or open
    /// another connection.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>
    /// HTTP/2 flow-control window of a connection, in kilobytes (default 1,024, Kestrel's own): the most request data
    /// the server buffers unread for one connection, whatever its streams and whether or not they carry a key.
    /// </summary>
    [Range(64, 16_384)]
    public int ConnectionWindowKilobytes { get; set; } = 1024;

    /// <summary>
    /// HTTP/2 flow-control window of one stream, in kilobytes (default 768, Kestrel's own; the connection's window
    /// caps the sum): well above <see cref="MaxMessageKilobytes"/>, so a RegisterStream's next messages arrive while
    /// one is decided.
    /// </summary>
    [Range(64, 16_384)]
    public int StreamWindowKilobytes { get; set; } = 768;

    /// <summary>
    /// The request headers of one call, in kilobytes (default 32, Kestrel's own), on every endpoint: they are read
    /// whole before the key in them can be checked.
    /// </summary>
    [Range(4, 1024)]
    public int MaxRequestHeadersKilobytes { get; set; } = 32;

    /// <summary>
    /// Unary Registers allowed to wait for the single writer (default 64). Beyond it a Register is refused at once
    /// with RESOURCE_EXHAUSTED and a retry hint instead of queueing without bound: the waiting ones are committed
    /// together (group commit), at about 1,000 a second on a 2-core machine, so the last of 64 waits well under a
    /// quarter of a second, where an unbounded queue made every caller wait seconds.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxWriteQueue { get; set; } = 64;

    /// <summary>
    /// Unary Registers admitted per second (bursts of up to a second's worth); beyond it RESOURCE_EXHAUSTED with a retry
    /// hint. Registrations committed together cost this 2-core machine about 1 ms of CPU each, decoding and answering
    /// included, so an unbounded rate hands the cores to Register while Match waits: 256 callers half registering
    /// took Match's p99 from about 40 ms to about 100 ms. A registration desk sends a few a second and a bulk load
    /// uses RegisterStream, so the bound bites only in an overload. 0: no bound.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxRegistersPerSecond { get; set; } = 500;

    /// <summary>
    /// How long a review task stays claimed (default 60 minutes): a clerk gone home with a task claimed gives it back to
    /// the queue when the claim expires (audited). Claiming it again, or a steward's assignment, starts a new claim.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ReviewClaimTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// One automatic link in this many opens a quality-check task (default 500; 0: none): a reviewer confirms or
    /// rejects the link, and the answers estimate the auto-link band's false-merge rate. The sample is drawn by a hash
    /// of the record key, so it is repeatable and blind to everything the engine scored.
    /// </summary>
    [Range(0, 1_000_000)]
    public int QualityCheckOneIn { get; set; } = 500;

    /// <summary>Write logs as compact JSON instead of plain text.</summary>
    public bool JsonLogs { get; set; }
}
