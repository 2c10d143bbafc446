namespace Mpi.ReviewUi;

/// <summary>Marks the review UI assembly; its pages arrive with the review-queue issue.</summary>
public static class ReviewUiAssembly;
