using GovInfoPortal.Data;
using Microsoft.AspNetCore.DataProtection;

namespace GovInfoPortal.Web;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens live in the database, so that every
/// instance of the portal behind a load balancer reads what another wrote.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "GovInfoPortal";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<GovInfoDbContext>();
        return services;
    }
}
