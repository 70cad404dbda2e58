using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Pages.Reports;

/// <summary>The 图解 as a file a body can post: <c>/reports/{orgCode}/{year}/graphic.{png|svg|pdf}</c>.</summary>
public sealed class GraphicDownloadModel(ReportGraphics graphics) : PageModel
{
    public string Message { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string orgCode, int year, string ext, CancellationToken cancellationToken)
    {
        var download = ReportGraphics.Downloads.FirstOrDefault(d => string.Equals(d.Extension, ext, StringComparison.OrdinalIgnoreCase));
        if (download.Extension is null)
        {
            return NotFoundPage($"不提供“{ext}”格式的图解。可下载的格式：{string.Join("、", ReportGraphics.Downloads.Select(d => d.Extension.ToUpperInvariant()))}。");
        }

        var (report, graphic) = await graphics.FindAsync(orgCode, year, cancellationToken);
        if (report is null)
        {
            return NotFoundPage("没有找到这份年度报告：该机关不存在，或该年度的报告尚未发布。");
        }

        if (graphic is null)
        {
            return NotFoundPage("这是2018年及以前的存档报告，没有统一格式的统计表，因此没有图解。");
        }

        var content = ReportGraphics.Render(graphic, download.Extension, ReportLinks.Origin(Request));
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"\"{ReportDownloads.AsciiKey(graphic.OrganizationKey)}-{year}-graphic.{download.Extension}\"",
            FileNameStar = $"{graphic.Title}图解.{download.Extension}",
        }.ToString();
        return File(content, download.ContentType);
    }

    private PageResult NotFoundPage(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
