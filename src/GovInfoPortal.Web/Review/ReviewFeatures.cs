using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Web.Totals;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Review;

/// <summary>Policy names of the review pages.</summary>
public static class ReviewPolicies
{
    /// <summary>Reviewers act; admins read (the dashboard, the review page with its audit trail).</summary>
    public const string ReadReviews = "ReadReviews";
}

/// <summary>
/// The services behind the city office's review: the dashboard, the review page, the workflow steps (pages and
/// API), notifications, and who the audit trail names for a request.
/// </summary>
public static class ReviewFeatures
{
    public static IServiceCollection AddReviewFeatures(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<ReviewWorkflow>();
        services.AddScoped<ReviewDashboard>();
        services.AddScoped<ReviewScopes>();
        services.AddScoped<ReviewerContext>();
        services.AddScoped<ReportReviews>();
        services.AddScoped<Notifications>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewPolicies.ReadReviews, policy => policy.RequireRole(PortalRoles.Reviewer, PortalRoles.Admin));
        // After AddRazorPages' own setup, which replaces the convention collection.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Review", ReviewPolicies.ReadReviews);
            options.Conventions.AuthorizeFolder("/Notifications");
        });
        return services;
    }
}
