namespace GovInfoPortal.Web.Clerk;

/// <summary>The services behind the clerk's pages: my reports, starting a report, the editor, preview, submission, import.</summary>
public static class ClerkFeatures
{
    public static IServiceCollection AddClerkFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContentRulesOptions>(configuration.GetSection(ContentRulesOptions.Section));
        services.Configure<SelfCheckOptions>(configuration.GetSection(SelfCheckOptions.Section));
        services.AddSingleton<SelfCheckChecklists>();
        services.AddScoped<ReportFindings>();
        services.AddScoped<DraftEditor>();
        services.AddScoped<ClerkReports>();
        return services;
    }
}
