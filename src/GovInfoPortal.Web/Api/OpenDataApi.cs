using System.Text.Json;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Peers;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Public;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Api;

/// <summary>An organization as the API names it.</summary>
public sealed record ApiOrganization(string Name, string? Code);

/// <summary>One published report in a list: where to read it and where to download it, its current version and that version's fingerprint.</summary>
public sealed record ApiReportItem(ApiOrganization Organization, int Year, string Format, DateOnly? PublishedOn, string Url,
    IReadOnlyDictionary<string, string> Downloads, int Version, string? Fingerprint);

/// <summary>A page of a list.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Where a malformed document is wrong: a JSON path and a zh-CN message.</summary>
public sealed record ApiDocumentError(string Path, string Message);

/// <summary>
/// The open-data API <c>/api/v1</c>: published reports only, JSON in camelCase, errors as
/// <c>application/problem+json</c> with zh-CN messages. Described by the OpenAPI document
/// <c>/openapi/v1.json</c> and the page <c>/api</c>.
/// </summary>
public static class OpenDataApi
{
    public const int DefaultPageSize = 20;

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiLinks.Prefix).WithTags("开放数据");

        api.MapGet(ApiLinks.ReportsTemplate, ListAsync)
            .WithName("listReports")
            .WithSummary("已发布的年度报告列表")
            .WithDescription("按年度、机关（含其下级机关）和关键词筛选已发布的年度报告，分页返回。带关键词时按相关性排序（机关名称命中在前），总数最多计到 1000。");

        api.MapGet(ApiLinks.ReportTemplate, GetAsync)
            .WithName("getReport")
            .WithSummary("一份已发布的年度报告（govinfo-annual-report/1 交换格式）")
            .WithDescription("现行版本的文档，fingerprint 为该版本的内容指纹（规范化 JSON 的 SHA-256），可用 POST /api/v1/verify 核验。")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ApiLinks.StatsTemplate, StatsAsync)
            .WithName("getStats")
            .WithSummary("一个机关及其下级机关某年度已发布报告的合计")
            .WithDescription("合计表二、表三、表四的每个单元格（按填报数字相加，空单元格不计），表的结构与交换格式相同；indicators 给出合计的公开率、行政复议纠错率和行政诉讼纠错率（分子、分母和比值，分母为 0 时比值为 null）。2018 年及以前的存档报告没有统计表，也没有指标。")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiLinks.ValidateTemplate, ValidateAsync)
            .WithName("validateReport")
            .WithSummary("校验一份 govinfo-annual-report/1 文档（不保存）")
            .WithDescription("返回与命令行 validate --json 相同结构的校验结果。数据库中有同一机关上一年度已发布的报告时，一并核对跨年度数据。文档不超过 4 MB。")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimits.Document))
            .DisableAntiforgery();

        api.MapVerification();
        return app;
    }

    /// <summary>已发布的年度报告列表。</summary>
    /// <param name="year">报告年度</param>
    /// <param name="org">机关代码：只列出该机关及其下级机关的报告</param>
    /// <param name="q">关键词：在机关名称和报告正文中检索</param>
    /// <param name="page">页码，从 1 开始</param>
    /// <param name="pageSize">每页条数，1–100，默认 20</param>
    private static async Task<Results<Ok<ApiPage<ApiReportItem>>, ProblemHttpResult>> ListAsync(
        HttpContext http, PublicReports reports, PublicSearch search, ReportDownloads downloads, TimeProvider clock,
        int? year, string? org, string? q, int page = 1, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var refusal = InputLimits.PageRefusal(page, pageSize, "page", "pageSize")
            ?? (year is { } y ? InputLimits.YearRefusal("year（报告年度）", y, ClerkDates.Today(clock)) : null)
            ?? InputLimits.QueryRefusal("q（关键词）", q)
            ?? InputLimits.TextRefusal("org（机关代码）", org, InputLimits.OrganizationCodeMaxLength);
        if (refusal is not null)
        {
            return BadRequest(refusal);
        }

        var subtree = await reports.FindOrganizationAsync(org, cancellationToken);
        if (org is { Length: > 0 } && subtree is null)
        {
            return NotFound($"没有代码为“{org}”的机关。");
        }

        IReadOnlyList<ReportListItem> items;
        int total;
        if (string.IsNullOrWhiteSpace(q))
        {
            var list = await reports.ListAsync(year, subtree, page, pageSize, cancellationToken);
            (items, total) = (list.Items, list.Total);
        }
        else
        {
            var found = await search.SearchAsync(q, year, subtree, page, pageSize, cancellationToken);
            (items, total) = (found.Results.Select(r => r.Report).ToList(), found.Total);
        }

        var origin = ReportLinks.Origin(http.Request);
        return TypedResults.Ok(new ApiPage<ApiReportItem>([.. items.Select(item => new ApiReportItem(
            new ApiOrganization(item.OrganizationName, item.OrganizationCode), item.Year, item.Format.Code(), item.PublishedOn,
            origin + item.Url,
            downloads.Available.ToDictionary(d => d.Extension, d => origin + ReportLinks.Download(item.OrganizationKey, item.Year, d.Extension)),
            item.Version, item.Fingerprint))],
            page, pageSize, total));
    }

    private static async Task<IResult> GetAsync(string orgCode, int year, PublicReports reports, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (InputLimits.YearRefusal("year（报告年度）", year, ClerkDates.Today(clock)) is { } refusal)
        {
            return BadRequest(refusal);
        }

        var report = await reports.FindAsync(orgCode, year, cancellationToken);
        if (report is null)
        {
            return NotFound($"没有找到代码为“{orgCode}”的机关 {year} 年度已发布的报告。");
        }

        var json = ReportDocumentWriter.Write(ReportDocument.FromReport(report));
        return Results.Text(json, "application/json; charset=utf-8");
    }

    /// <summary>一个机关及其下级机关某年度已发布报告的合计。</summary>
    /// <param name="year">报告年度</param>
    /// <param name="org">机关代码；不填时合计全部机关</param>
    private static async Task<IResult> StatsAsync(PublicReports reports, PublicTotals totals, TimeProvider clock,
        int? year, string? org, CancellationToken cancellationToken)
    {
        var today = ClerkDates.Today(clock);
        if (year is not { } y)
        {
            return BadRequest($"请用 year 指定报告年度（{InputLimits.FirstYear}–{InputLimits.LastYear(today)}）。");
        }

        if ((InputLimits.YearRefusal("year（报告年度）", y, today) ?? InputLimits.TextRefusal("org（机关代码）", org, InputLimits.OrganizationCodeMaxLength)) is { } refusal)
        {
            return BadRequest(refusal);
        }

        var organization = await reports.FindOrganizationAsync(org, cancellationToken);
        if (org is { Length: > 0 } && organization is null)
        {
            return NotFound($"没有代码为“{org}”的机关。");
        }

        var definition = FormatDefinition.For(ReportFormats.ForYear(y));
        var sums = definition.HasTables
            ? await totals.ForSubtreeAsync(organization?.Path ?? Core.Domain.Organization.PathSeparator.ToString(), y, cancellationToken)
            : Data.Statistics.TableTotals.None;

        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (organization is null)
            {
                writer.WriteNull("organization");
            }
            else
            {
                writer.WriteStartObject("organization");
                writer.WriteString("name", organization.Name);
                writer.WriteString("code", organization.Code);
                writer.WriteEndObject();
            }

            writer.WriteNumber("year", y);
            writer.WriteString("format", definition.Format.Code());
            writer.WriteNumber("reports", sums.Reports);
            writer.WriteStartObject("tables");
            foreach (var table in definition.Tables)
            {
                ReportDocumentWriter.WriteTable(writer, table, sums.Table(table.Code));
            }

            writer.WriteEndObject();
            WriteIndicators(writer, Indicators.Compute(definition.Format, sums.Table));
            writer.WriteEndObject();
        }

        return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    /// <summary>
    /// <c>"indicators": {"disclosureRate": {"name": "公开率", "numerator": 22, "denominator": 26, "value": 0.8462}, …}</c>:
    /// each indicator of the totals (the ratio of the sums), <c>value</c> null when undefined (a denominator of 0).
    /// </summary>
    private static void WriteIndicators(Utf8JsonWriter writer, IReadOnlyList<IndicatorValue> indicators)
    {
        writer.WriteStartObject("indicators");
        foreach (var indicator in indicators)
        {
            writer.WriteStartObject(indicator.Definition.Code);
            writer.WriteString("name", indicator.Definition.Name);
            ReportDocumentWriter.WriteNumber(writer, "numerator", indicator.Numerator);
            ReportDocumentWriter.WriteNumber(writer, "denominator", indicator.Denominator);
            ReportDocumentWriter.WriteNumber(writer, "value", indicator.RoundedRate);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, PublicReports reports, ReportValidationService validation,
        ReportFindings findings, GovInfoDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = await ReportDocumentReader.ReadAsync(request.Body, ClerkDates.Today(clock), cancellationToken);
        if (read.Document is not { } document)
        {
            return TypedResults.Problem(
                title: "文档格式不正确",
                detail: string.Join("；", read.Errors.Select(e => e.ToString())),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = read.Errors.Select(e => new ApiDocumentError(e.Path, e.Message)).ToList() });
        }

        var lastYear = document.Organization.Code is { Length: > 0 } code
            ? await reports.FindAsync(code, document.Year - 1, cancellationToken)
            : null;
        // Peers: the other bodies' submitted and published reports of the year (the document's own body left out).
        var organizationId = document.Organization.Code is { Length: > 0 } ownCode
            ? await db.Organizations.AsNoTracking().Where(o => o.Code == ownCode).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var peers = await new PeerIndex(db).FindAsync(document, organizationId, cancellationToken);
        var result = validation.Validate(new ReportValidationContext(document, lastYear is null ? null : ReportDocument.FromReport(lastYear),
            OrganizationKind: document.Organization.EffectiveKind, OrganizationName: document.Organization.Name,
            OrganizationCode: document.Organization.Code, ContentRules: await ContentRulesOfAsync(document, findings, db, cancellationToken),
            Peers: peers));
        return TypedResults.Ok(result);
    }

    /// <summary>The content rules' settings of the subtree of the document's organization, when the portal knows it by its code.</summary>
    private static async Task<ContentRuleSettings?> ContentRulesOfAsync(ReportDocument document, ReportFindings findings, GovInfoDbContext db,
        CancellationToken cancellationToken) =>
        document.Organization.Code is { Length: > 0 } code &&
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, cancellationToken) is { } organization
            ? findings.SettingsFor(organization)
            : null;

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "请求参数不正确", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "未找到", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
