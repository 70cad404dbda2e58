using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Reports;

/// <summary>A published report as a file: <c>/reports/{orgCode}/{year}.{ext}</c> for every registered rendering.</summary>
public sealed class DownloadModel(PublicReports reports, ReportDownloads downloads) : PageModel
{
    public string Message { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string orgCode, int year, string ext, CancellationToken cancellationToken)
    {
        if (!downloads.Supports(ext))
        {
            return NotFoundPage($"不提供“{ext}”格式的下载。可下载的格式：{string.Join("、", downloads.Available.Select(d => d.Extension.ToUpperInvariant()))}。");
        }

        var report = await reports.FindAsync(orgCode, year, cancellationToken);
        if (report is null && await reports.CanonicalKeyAsync(orgCode, cancellationToken) is { } canonical)
        {
            return RedirectPermanent(ReportLinks.Download(canonical, year, ext));
        }

        if (report is null)
        {
            return NotFoundPage("没有找到这份年度报告：该机关不存在，或该年度的报告尚未发布。");
        }

        var file = await downloads.RenderAsync(report, ext, cancellationToken);
        Response.Headers.ContentDisposition = file.ContentDisposition;
        return File(file.Content, file.ContentType);
    }

    private PageResult NotFoundPage(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
