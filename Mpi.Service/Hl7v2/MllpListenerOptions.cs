namespace Mpi.Service.Hl7v2;

/// <summary>
/// One MLLP listener (<c>Mpi:MllpListeners:N</c>). MLLP carries no key, so the port is the caller's identity: every
/// message on it is sent with this listener's API key, with that key's registries and RPCs; and only the source
/// addresses listed may connect.
/// </summary>
public sealed class MllpListenerOptions
{
    public int Port { get; set; }

    /// <summary>The API key its messages are sent with (keep it in the environment, <c>Mpi__MllpListeners__0__ApiKey</c>, not a file).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Addresses or networks (<c>10.1.0.0/16</c>) that may connect; empty: this machine only (loopback).</summary>
    public List<string> AllowedSources { get; set; } = [];
}
