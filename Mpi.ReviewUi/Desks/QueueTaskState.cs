namespace Mpi.ReviewUi.Desks;

/// <summary>Where a task in the queue stands, as the pages show it.</summary>
public enum QueueTaskState { Open, Claimed, Resolved }
