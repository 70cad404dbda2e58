using GovInfoPortal.Data.Search;
using GovInfoPortal.Data.Statistics;
using GovInfoPortal.Web.Api;
using GovInfoPortal.Web.Datasets;

namespace GovInfoPortal.Web.Public;

/// <summary>The services behind the public pages, the downloads and the open-data API.</summary>
public static class PublicFeatures
{
    public static IServiceCollection AddPublicFeatures(this IServiceCollection services)
    {
        services.AddScoped<PublicReports>();
        services.AddSingleton<ReportDownloads>();
        services.AddScoped<ReportGraphics>();
        services.AddHostedService<DocumentWarmUp>();
        services.AddScoped<PublicSearch>();
        services.AddScoped<ReportStatistics>();
        services.AddScoped<ReportSearchQuery>();
        services.AddScoped<ReportTotals>();
        services.AddScoped<PublicTotals>();
        services.AddScoped<PublicCache>();
        services.AddMemoryCache();
        services.AddDatasets();
        services.AddOpenApi(PublicLinks.OpenApiDocument, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "政府信息公开工作年度报告 开放数据接口";
            document.Info.Version = "v1";
            document.Info.Description = "已发布的政府信息公开工作年度报告：列表与筛选、govinfo-annual-report/1 交换格式、统计合计、文档校验。只提供已发布的报告。";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The open-data API, its OpenAPI document, the feed and the sitemap.</summary>
    public static IEndpointRouteBuilder MapPublicFeatures(this IEndpointRouteBuilder app)
    {
        app.MapOpenDataApi();
        app.MapOpenApi(PublicLinks.OpenApiTemplate);
        app.MapFeeds();
        app.MapDatasets();
        return app;
    }
}
