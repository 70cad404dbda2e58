using GovInfoPortal.Web.Archive;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Reports;

/// <summary>A published report in the official layout, with its downloads and the organization's other years.</summary>
public sealed class ReportModel(PublicReports reports, ReportDownloads downloads, ArchiveDocuments archive) : PageModel
{
    /// <summary>How much of the overview the page's description (search engines, sharing) quotes.</summary>
    private const int DescriptionLength = 120;

    public ReportBodyModel Body { get; private set; } = null!;

    public string OrganizationKey { get; private set; } = string.Empty;

    public IReadOnlyList<(string Extension, string Name)> Downloads => downloads.Available;

    public IReadOnlyList<ReportListItem> OtherYears { get; private set; } = [];

    /// <summary>The number of the version shown: 1 as first published, higher after corrections.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<EarlierVersion> EarlierVersions { get; private set; } = [];

    public string Description { get; private set; } = string.Empty;

    /// <summary>This report as <c>/compare</c> names it: <c>350505/2023</c>.</summary>
    public string CompareKey => $"{OrganizationKey}/{Body.Report.Year}";

    /// <summary>What the comparison form proposes: the organization's latest other year, or nothing.</summary>
    public string? SuggestedOther => OtherYears.Count > 0 ? $"{OrganizationKey}/{OtherYears[0].Year}" : null;

    /// <summary>The report's own indicators (none for a legacy report).</summary>
    public IndicatorTableModel Indicators => new("report-indicator-table", "本报告指标", "报告",
        [new IndicatorRow($"{Body.Report.Year} 年度", null, Core.Formats.Indicators.Of(Body.Report))]);

    public async Task<IActionResult> OnGetAsync(string orgCode, int year, CancellationToken cancellationToken)
    {
        var report = await reports.FindAsync(orgCode, year, cancellationToken);
        if (report is null)
        {
            return await reports.CanonicalKeyAsync(orgCode, cancellationToken) is { } canonical
                ? RedirectPermanent(ReportLinks.Page(canonical, year))
                : NotFound();
        }

        OrganizationKey = ReportLinks.KeyOf(report.Organization);
        Body = ReportBodyModel.From(report);
        if (Body.IsLegacy && await archive.InfoAsync(report.Id, cancellationToken) is { } original)
        {
            Body = Body with { ArchiveOriginal = (ReportLinks.ArchiveOriginal(OrganizationKey, year), original) };
        }
        Version = report.RevisionNumber;
        EarlierVersions = await reports.EarlierVersionsAsync(report.Id, cancellationToken);
        OtherYears = [.. (await reports.OfOrganizationAsync(report.OrganizationId, cancellationToken)).Where(item => item.Year != year)];

        var overview = ReportBodyModel.Paragraphs(report.Sections.Overview).FirstOrDefault() ?? string.Empty;
        Description = $"{report.Organization.Name}{year}年政府信息公开工作年度报告。" +
            (overview.Length > DescriptionLength ? overview[..DescriptionLength] + "…" : overview);
        return Page();
    }
}
