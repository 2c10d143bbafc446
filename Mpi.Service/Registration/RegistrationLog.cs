namespace Mpi.Service.Registration;

/// <summary>Registration's log events: registry codes, decisions and counts — never demographics or local ids.</summary>
internal static partial class RegistrationLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Registered a record from {Registry}: {Decision}")]
    public static partial void Registered(ILogger logger, string registry, RegistrationDecision decision);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Rejected a record from {Registry}: {Violations} invalid fields")]
    public static partial void Rejected(ILogger logger, string registry, int violations);
}
