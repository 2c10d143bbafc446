using Mpi.Service.Observability;

namespace Mpi.Service.Registration;

/// <summary>
/// Registration's log events: registry codes, decisions and counts — never demographics or local ids. A registry
/// code comes from the caller, so it goes through <see cref="LogText"/> (a refused request's code was never validated).
/// </summary>
internal static partial class RegistrationLog
{
    public static void Registered(ILogger logger, string registry, RegistrationDecision decision) => LogRegistered(logger, LogText.Safe(registry), decision);

    public static void Rejected(ILogger logger, string registry, int violations) => LogRejected(logger, LogText.Safe(registry), violations);

    /// <summary>The exception's type only: database messages can quote the values of a failed row.</summary>
    public static void Failed(ILogger logger, string registry, Exception error) => LogFailed(logger, LogText.Safe(registry), error.GetType().Name);

    /// <summary>Debug: at bulk-load rates a line per record costs more than registering it; metrics count decisions.</summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Registered a record from {Registry}: {Decision}")]
    private static partial void LogRegistered(ILogger logger, string registry, RegistrationDecision decision);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Rejected a record from {Registry}: {Violations} invalid fields")]
    private static partial void LogRejected(ILogger logger, string registry, int violations);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Could not store a record from {Registry}: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string registry, string errorType);

    /// <summary>The exception's type only, as above.</summary>
    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Committed registrations not yet in the record directory ({ErrorType}); the next catch-up applies them")]
    public static partial void NotPublished(ILogger logger, string errorType);
}
