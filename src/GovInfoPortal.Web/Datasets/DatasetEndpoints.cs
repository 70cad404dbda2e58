using System.Globalization;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Documents;
using GovInfoPortal.Web.Api;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Datasets;

/// <summary>A file of a dataset in the listing: its address, and its size and SHA-256 once built (null before).</summary>
public sealed record ApiDatasetFile(string Url, string ContentType, long? Size, string? Sha256);

/// <summary>One dataset in the listing.</summary>
/// <param name="Scope">The organization whose subtree it holds; null for every organization.</param>
/// <param name="Reports">How many published reports it holds.</param>
/// <param name="Page">The page listing it and its children's datasets.</param>
/// <param name="BuiltAt">When its files were built (null: not built since the last change, see <c>size</c>).</param>
public sealed record ApiDataset(ApiOrganization? Scope, int Year, string Format, int Reports, string Page, DateTimeOffset? BuiltAt,
    ApiDatasetFile Zip, ApiDatasetFile Csv);

/// <summary>The listing of <c>/api/v1/datasets</c>.</summary>
public sealed record ApiDatasetList(ApiOrganization? Organization, int? Year, IReadOnlyList<ApiDataset> Datasets);

/// <summary>
/// The bulk datasets: <c>/datasets/{year}.zip?org=</c> (each published report's interchange JSON and the CSV of every
/// figure), <c>/datasets/{year}.csv?org=</c> (the CSV alone) and their listing <c>/api/v1/datasets?year=&amp;org=</c>.
/// The files are served from disk (<see cref="DatasetStore"/>) with range requests, a strong <c>ETag</c> (their
/// SHA-256) and <c>Repr-Digest</c>; they are not kept in the output cache, nor is the listing (it shows what this
/// instance has built).
/// </summary>
public static class DatasetEndpoints
{
    public const string Prefix = "/datasets";

    public const string Zip = "zip";
    public const string CsvExtension = "csv";

    public const string ZipContentType = "application/zip";

    public static IServiceCollection AddDatasets(this IServiceCollection services)
    {
        services.AddScoped<DatasetBuilder>();
        services.AddScoped<DatasetCatalog>();
        services.AddSingleton<DatasetStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapDatasets(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(Prefix).WithTags("开放数据");
        files.MapGet("/{year:int}.zip", (HttpContext http, int year, string? org, DatasetCatalog catalog, DatasetStore store, CancellationToken cancellationToken) =>
                DownloadAsync(http, year, org, Zip, catalog, store, cancellationToken))
            .WithName("downloadDataset")
            .WithSummary("某年度（一个机关及其下级机关，或全部机关）已发布报告的批量数据：每份报告的交换格式 JSON 和全部数字的 CSV，打包为 ZIP")
            .Produces(StatusCodes.Status200OK, contentType: ZipContentType);
        files.MapGet("/{year:int}.csv", (HttpContext http, int year, string? org, DatasetCatalog catalog, DatasetStore store, CancellationToken cancellationToken) =>
                DownloadAsync(http, year, org, CsvExtension, catalog, store, cancellationToken))
            .WithName("downloadDatasetCsv")
            .WithSummary("批量数据中的 CSV：每份报告一行，每个统计表单元格一列")
            .Produces(StatusCodes.Status200OK, contentType: FiguresCsv.ContentType);

        app.MapGroup(ApiLinks.Prefix).WithTags("开放数据").MapGet(ApiLinks.DatasetsTemplate, ListAsync)
            .WithName("listDatasets")
            .WithSummary("批量数据集列表")
            .WithDescription("指定年度时，列出该机关（不指定则为全部机关）及其每个有已发布报告的下级机关的数据集；不指定年度时，列出该机关每个年度的数据集。每个数据集给出下载地址、报告份数、文件大小（字节）和 SHA-256 指纹；尚未生成的数据集大小和指纹为 null，首次下载时生成（所列机关本身不超过 2000 份报告的数据集在列表时即生成）。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>批量数据集列表。</summary>
    /// <param name="year">报告年度；不填时列出每个年度</param>
    /// <param name="org">机关代码：该机关及其下级机关；不填时为全部机关</param>
    private static async Task<Results<Ok<ApiDatasetList>, ProblemHttpResult>> ListAsync(HttpContext http, DatasetCatalog catalog,
        int? year, string? org, CancellationToken cancellationToken)
    {
        var (root, refusal) = await catalog.ResolveAsync(org, year, cancellationToken);
        if (refusal is not null)
        {
            return TypedResults.Problem(title: refusal.Status == StatusCodes.Status404NotFound ? "未找到" : "请求参数不正确",
                detail: refusal.Message, statusCode: refusal.Status);
        }

        var origin = ReportLinks.Origin(http.Request);
        var entries = await catalog.ListAsync(root, year, cancellationToken);
        return TypedResults.Ok(new ApiDatasetList(root is null ? null : new ApiOrganization(root.Name, root.Code), year,
            [.. entries.Select(entry => new ApiDataset(
                entry.Scope.Root is { } scope ? new ApiOrganization(scope.Name, scope.Code) : null,
                entry.Scope.Year, entry.Format.Code(), entry.Reports, origin + entry.Scope.PageUrl, entry.Built?.BuiltAt,
                new ApiDatasetFile(origin + entry.Scope.Url(Zip), ZipContentType, entry.Built?.Zip.Size, entry.Built?.Zip.Sha256),
                new ApiDatasetFile(origin + entry.Scope.Url(CsvExtension), FiguresCsv.ContentType, entry.Built?.Csv.Size, entry.Built?.Csv.Sha256)))]));
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, int year, string? org, string extension, DatasetCatalog catalog,
        DatasetStore store, CancellationToken cancellationToken)
    {
        var (root, refusal) = await catalog.ResolveAsync(org, year, cancellationToken);
        var scope = new DatasetScope(root, year);
        if (refusal is null && await catalog.CountAsync(scope, cancellationToken) == 0)
        {
            refusal = new DatasetRefusal(StatusCodes.Status404NotFound, $"{scope.Name} {year.ToString(CultureInfo.InvariantCulture)} 年度没有已发布的报告。");
        }

        if (refusal is not null)
        {
            return Results.Text(refusal.Message, "text/plain; charset=utf-8", statusCode: refusal.Status);
        }

        var built = await store.GetAsync(scope, cancellationToken);
        var file = extension == Zip ? built.Zip : built.Csv;
        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"\"{scope.AsciiFileName(extension)}\"",
            FileNameStar = scope.FileName(extension),
        }.ToString();
        // RFC 9530: the digest of the whole file, whatever range is sent.
        headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        return TypedResults.PhysicalFile(file.Path, extension == Zip ? ZipContentType : FiguresCsv.ContentType,
            lastModified: built.BuiltAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
