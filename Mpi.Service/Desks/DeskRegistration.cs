using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Desks;
using Mpi.ReviewUi.Hosting;
using Mpi.Service.Review;

namespace Mpi.Service.Desks;

/// <summary>The review UI with the desks it works through, each over the service's application services.</summary>
public static class DeskRegistration
{
    public static IServiceCollection AddReviewUiDesks(this IServiceCollection services)
    {
        services.AddReviewUi();
        services.AddScoped<IReviewerDirectory, ReviewerDirectory>();
        services.AddScoped<IReviewDesk, ReviewDesk>();
        services.AddScoped<IPersonDesk, PersonDesk>();
        services.AddScoped<IModelDesk, ModelDesk>();
        services.AddScoped<ModelComparer>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IExceptionDesk, ExceptionDesk>();
        services.AddScoped<ISearchDesk, SearchDesk>();
        services.AddScoped<ReviewerStatistics>();
        services.AddScoped<IReviewerMetricsDesk, ReviewerMetricsDesk>();
        return services;
    }
}
