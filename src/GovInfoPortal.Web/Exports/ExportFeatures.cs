using GovInfoPortal.Data.Exports;
using GovInfoPortal.Web.Totals;

namespace GovInfoPortal.Web.Exports;

/// <summary>
/// The services behind the reviewers' city-wide totals and background exports: scopes, totals, the export
/// queue in the database, the storage folder and this instance's worker.
/// </summary>
public static class ExportFeatures
{
    public static IServiceCollection AddTotalsAndExports(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<CityTotals>();
        services.AddScoped<ExportJobQueue>();
        services.AddScoped<PdfZipBuilder>();
        services.AddScoped<ExportRequests>();
        services.AddSingleton(ExportStorage.From(configuration, contentRootPath));
        services.AddSingleton(ExportInstance.ForThisProcess());
        services.AddSingleton<ExportWakeUp>();
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<ExportWorker>();
        if (configuration.GetValue($"{ExportOptions.Section}:{nameof(ExportOptions.RunWorker)}", defaultValue: true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<ExportWorker>());
        }

        return services;
    }
}
