using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Documents;
using GovInfoPortal.Documents.Graphic;

namespace GovInfoPortal.Web.Public;

/// <summary>A published report's 图解: the report, last year's published report of the same body (or null) and the figures.</summary>
public sealed record ReportGraphic(AnnualReport Report, AnnualReport? Previous, GraphicSummary Summary)
{
    public string OrganizationKey => ReportLinks.KeyOf(Report.Organization);

    /// <summary>泉港区2023年政府信息公开工作年度报告, as on the report.</summary>
    public string Title => ReportFileNames.Title(Report.Organization.Name, Report.Organization.Parent?.Name, Report.Year);

    /// <summary>The poster's last line: where it comes from and where the report is.</summary>
    public string Footer(string origin) =>
        $"数据来源：{Report.Organization.Name}{Report.Year}年政府信息公开工作年度报告（第 {Report.RevisionNumber} 版）。全文：{origin}{ReportLinks.Page(OrganizationKey, Report.Year)}";
}

/// <summary>
/// The 图解 of published reports (<c>/reports/{org}/{year}/graphic</c> and its downloads <c>graphic.svg</c>,
/// <c>graphic.png</c>, <c>graphic.pdf</c>): compared with the same body's published report of the year before when
/// there is one. Legacy reports (no tables) have none.
/// </summary>
public sealed class ReportGraphics(PublicReports reports)
{
    /// <summary>The downloads of the 图解, in the order they are offered, with their zh-CN names.</summary>
    public static readonly IReadOnlyList<(string Extension, string Name, string ContentType)> Downloads =
    [
        ("png", "PNG 图片", GraphicRenderer.PngType),
        ("svg", "SVG 图片", GraphicRenderer.SvgType),
        ("pdf", "PDF 文档", "application/pdf"),
    ];

    public static string Page(string key, int year) => $"{ReportLinks.Page(key, year)}/graphic";

    public static string Download(string key, int year, string extension) => $"{Page(key, year)}.{extension}";

    /// <summary>The report's 图解, or null when the report is not published; its <see cref="ReportGraphic.Summary"/> is null for a legacy report.</summary>
    public async Task<(AnnualReport? Report, ReportGraphic? Graphic)> FindAsync(string organizationKey, int year, CancellationToken cancellationToken)
    {
        var report = await reports.FindAsync(organizationKey, year, cancellationToken);
        if (report is null || !FormatDefinition.For(report.Format).HasTables)
        {
            return (report, null);
        }

        var previous = await reports.FindAsync(organizationKey, year - 1, cancellationToken);
        var summary = GraphicSummary.Of(report, previous)!;
        return (report, new ReportGraphic(report, summary.HasPrevious ? previous : null, summary));
    }

    public static byte[] Render(ReportGraphic graphic, string extension, string origin) => extension switch
    {
        "svg" => GraphicRenderer.PosterSvg(graphic.Summary, graphic.Title, graphic.Footer(origin)),
        "png" => GraphicRenderer.PosterPng(graphic.Summary, graphic.Title, graphic.Footer(origin)),
        "pdf" => GraphicRenderer.PosterPdf(graphic.Summary, graphic.Title, graphic.Footer(origin)),
        _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, null),
    };
}
