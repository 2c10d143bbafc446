using Mpi.Service.Persistence.Entities;
namespace Mpi.Service.Review;

/// <summary>Which review tasks to list: all filters optional; <see cref="AfterId"/> is the page cursor.</summary>
public sealed record ReviewFilter(
    IReadOnlyCollection<TaskState> States, string? Registry, double? MinProbability, double? MaxProbability, DateTimeOffset? OlderThan,
    string? ClaimedBy, int PageSize, long AfterId)
{
    /// <summary>Only tasks whose incoming record is of these registries (a scoped key's); null for all.</summary>
    public IReadOnlyCollection<string>? WithinRegistries { get; init; }
}
