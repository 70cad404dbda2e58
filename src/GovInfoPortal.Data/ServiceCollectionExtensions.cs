using GovInfoPortal.Data.Export;
using GovInfoPortal.Data.Import;
using GovInfoPortal.Data.Seeding;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Data;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GovInfoDbContext"/> on the configured provider (<c>Database:Provider</c>,
    /// <c>ConnectionStrings:Default</c>; see <see cref="GovInfoDatabase.ResolveSettings"/>), the resolved
    /// <see cref="DatabaseSettings"/>, and the data services: <see cref="DatabaseMigrator"/>,
    /// <see cref="ReportImporter"/>, <see cref="ReportExporter"/>, <see cref="DemoDataSeeder"/> and
    /// <see cref="SyntheticDataSeeder"/> (all scoped, like the context). Every <see cref="IInterceptor"/> registered in the
    /// container is added to the context's interceptors.
    /// </summary>
    public static IServiceCollection AddGovInfoDatabase(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = GovInfoDatabase.ResolveSettings(
            configuration[$"{GovInfoDatabase.SectionName}:Provider"],
            configuration.GetConnectionString(GovInfoDatabase.ConnectionStringName),
            contentRootPath);

        services.AddSingleton(settings);
        services.AddDbContext<GovInfoDbContext>((provider, options) =>
        {
            GovInfoDatabase.Configure(options, settings.Provider, settings.ConnectionString);
            // Interceptors the host registers as IInterceptor (diagnostics; tests that count the commands of a request) join the portal's audit guard.
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<ReportImporter>();
        services.AddScoped<ReportExporter>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<SyntheticDataSeeder>();
        return services;
    }
}
