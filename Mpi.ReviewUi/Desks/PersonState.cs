namespace Mpi.ReviewUi.Desks;

/// <summary>Where a person stands, as the pages show it: active, merged into another, or retired (no records left).</summary>
public enum PersonState { Active, Merged, Retired }
