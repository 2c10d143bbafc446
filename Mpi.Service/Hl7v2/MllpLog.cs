namespace Mpi.Service.Hl7v2;

/// <summary>The MLLP listener's log lines: listener, source address, message type and acknowledgement code — never a field of a message.</summary>
internal static partial class MllpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "MLLP listener {Listener}: connection from {Source}")]
    public static partial void Opened(ILogger log, int listener, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MLLP listener {Listener}: connection from {Source} refused: not in its AllowedSources")]
    public static partial void Refused(ILogger log, int listener, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "MLLP listener {Listener}: no ApiKey configured (Mpi:MllpListeners:{Listener}:ApiKey); connection closed")]
    public static partial void NoKey(ILogger log, int listener);

    [LoggerMessage(Level = LogLevel.Information, Message = "MLLP listener {Listener}: {MessageType} answered {Code}")]
    public static partial void Answered(ILogger log, int listener, string messageType, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MLLP listener {Listener}: connection from {Source} closed: {Why}")]
    public static partial void Closed(ILogger log, int listener, string source, string why);
}
