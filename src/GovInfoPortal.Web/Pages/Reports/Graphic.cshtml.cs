using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Reports;

/// <summary>The 图解 of a published report: its key figures as charts (inline SVG) with their data tables, and its downloads.</summary>
public sealed class GraphicModel(ReportGraphics graphics) : PageModel
{
    public ReportGraphic? Graphic { get; private set; }

    /// <summary>Why there is no 图解 (zh-CN), or null.</summary>
    public string? Message { get; private set; }

    public string ReportUrl { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string orgCode, int year, CancellationToken cancellationToken)
    {
        var (report, graphic) = await graphics.FindAsync(orgCode, year, cancellationToken);
        Response.StatusCode = StatusCodes.Status404NotFound;
        if (report is null)
        {
            Message = "没有找到这份年度报告：该机关不存在，或该年度的报告尚未发布。";
            return Page();
        }

        ReportUrl = ReportLinks.Page(ReportLinks.KeyOf(report.Organization), year);
        if (graphic is null)
        {
            Message = "这是2018年及以前的存档报告，没有统一格式的统计表，因此没有图解。请阅读报告原文。";
            return Page();
        }

        Response.StatusCode = StatusCodes.Status200OK;
        Graphic = graphic;
        return Page();
    }
}
