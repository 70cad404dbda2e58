using GovInfoPortal.Documents.Excel;
using GovInfoPortal.Documents.Pdf;
using GovInfoPortal.Documents.Word;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Documents;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers every download rendering as an <see cref="IReportRenderer"/>.</summary>
    public static IServiceCollection AddReportRenderers(this IServiceCollection services)
    {
        services.AddSingleton<IReportRenderer, PdfRenderer>();
        services.AddSingleton<IReportRenderer, WordRenderer>();
        services.AddSingleton<IReportRenderer, ExcelRenderer>();
        services.AddSingleton<IReportRenderer, CsvRenderer>();
        services.AddSingleton<IReportRenderer, JsonRenderer>();
        return services;
    }
}
