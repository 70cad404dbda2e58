using System.Globalization;
using GovInfoPortal.Web.Datasets;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Datasets;

/// <summary>
/// The bulk datasets of a subtree (<c>/datasets?org=&amp;year=</c>): with a year, the subtree's dataset and each child's;
/// without, the subtree's dataset of every year. A malformed year answers 400, an unknown organization 404.
/// </summary>
public sealed class IndexModel(DatasetCatalog catalog, PublicReports reports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "org")]
    public string? OrganizationKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearText { get; set; }

    public int? Year { get; private set; }

    public PublicOrganization? Organization { get; private set; }

    public IReadOnlyList<PublicOrganization> Ancestors { get; private set; } = [];

    public IReadOnlyList<(int Year, int Count)> Years { get; private set; } = [];

    public IReadOnlyList<DatasetEntry> Entries { get; private set; } = [];

    /// <summary>Why the address cannot be answered (zh-CN), or null.</summary>
    public string? Problem { get; private set; }

    public string ScopeName => Organization?.Name ?? "全部机关";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(YearText))
        {
            if (!int.TryParse(YearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return Refuse(StatusCodes.Status400BadRequest, $"year（报告年度）应为四位数字的年份，收到“{(YearText.Length > 20 ? YearText[..20] + "…" : YearText)}”。");
            }

            Year = year;
        }

        var (root, refusal) = await catalog.ResolveAsync(OrganizationKey, Year, cancellationToken);
        if (refusal is not null)
        {
            Year = null;
            return Refuse(refusal.Status, refusal.Message);
        }

        Organization = root;
        Ancestors = root is null ? [] : await reports.AncestorsAsync(root, cancellationToken);
        Years = await reports.YearCountsAsync(root, cancellationToken);
        Entries = await catalog.ListAsync(root, Year, cancellationToken);
        return Page();
    }

    private PageResult Refuse(int status, string message)
    {
        Problem = message;
        Response.StatusCode = status;
        return Page();
    }

    public string Link(int? year, string? organizationKey) =>
        ReportLinks.WithQuery(Url.Page("/Datasets/Index")!, ("org", organizationKey), ("year", year));

    /// <summary>A file size as people read it: 812 字节, 35.2 KB, 4.1 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.InvariantCulture)} 字节",
        < 1024 * 1024 => $"{(bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024d * 1024)).ToString("0.0", CultureInfo.InvariantCulture)} MB",
    };
}
