using GovInfoPortal.Web.Public;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Archive;

/// <summary>The archive originals: the service behind the admin's upload page and the public download.</summary>
public static class ArchiveSetup
{
    public static IServiceCollection AddArchiveDocuments(this IServiceCollection services) =>
        services.AddScoped<ArchiveDocuments>();

    /// <summary><c>GET /reports/{orgCode}/{year}/original.pdf</c>: the original PDF of a published legacy report.</summary>
    public static IEndpointRouteBuilder MapArchiveDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportLinks.ArchiveOriginalTemplate, async (string orgCode, int year, HttpContext context,
            PublicReports reports, ArchiveDocuments archive, CancellationToken cancellationToken) =>
        {
            var report = await reports.FindAsync(orgCode, year, cancellationToken);
            if (report is null || await archive.DownloadAsync(report, cancellationToken) is not { } download)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有找到这份存档报告的原件。");
            }

            var headers = context.Response.Headers;
            headers.ContentDisposition = download.File.ContentDisposition;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "public, max-age=3600";
            return Results.File(download.File.Content, download.File.ContentType,
                entityTag: new EntityTagHeaderValue($"\"{download.Sha256}\""));
        }).ExcludeFromDescription();
        return app;
    }
}
