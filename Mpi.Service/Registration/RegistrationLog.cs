namespace Mpi.Service.Registration;

/// <summary>Registration's log events: registry codes, decisions and counts — never demographics or local ids.</summary>
internal static partial class RegistrationLog
{
    /// <summary>Debug: at bulk-load rates a line per record costs more than registering it; metrics count decisions.</summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Registered a record from {Registry}: {Decision}")]
    public static partial void Registered(ILogger logger, string registry, RegistrationDecision decision);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Rejected a record from {Registry}: {Violations} invalid fields")]
    public static partial void Rejected(ILogger logger, string registry, int violations);

    /// <summary>The exception's type only: database messages can quote the values of a failed row.</summary>
    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Could not store a record from {Registry}: {ErrorType}")]
    public static partial void Failed(ILogger logger, string registry, string errorType);

    public static void Failed(ILogger logger, string registry, Exception error) => Failed(logger, registry, error.GetType().Name);

    /// <summary>The exception's type only, as above.</summary>
    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Committed registrations not yet in the record directory ({ErrorType}); the next catch-up applies them")]
    public static partial void NotPublished(ILogger logger, string errorType);
}
