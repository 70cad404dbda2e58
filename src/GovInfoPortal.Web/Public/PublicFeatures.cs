namespace GovInfoPortal.Web.Public;

/// <summary>The services behind the public pages, the downloads and the open-data API.</summary>
public static class PublicFeatures
{
    public static IServiceCollection AddPublicFeatures(this IServiceCollection services)
    {
        services.AddScoped<PublicReports>();
        return services;
    }
}
