using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Compare;

/// <summary>
/// Two published reports side by side (<c>/compare?a={org}/{year}&amp;b={org}/{year}</c>): cell by cell when both
/// are in the same format, otherwise their indicators only. Bad addresses get a zh-CN message (400), a report that is
/// not published 404.
/// </summary>
public sealed class IndexModel(PublicReports reports, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "a")]
    public string? First { get; set; }

    [BindProperty(SupportsGet = true, Name = "b")]
    public string? Second { get; set; }

    public AnnualReport? A { get; private set; }

    public AnnualReport? B { get; private set; }

    /// <summary>Why the comparison cannot be shown (zh-CN), or null.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<OfficialTableModel> Tables { get; private set; } = [];

    public int Changed { get; private set; }

    public bool SameFormat => A is not null && B is not null && A.Format == B.Format;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(First) || string.IsNullOrWhiteSpace(Second))
        {
            // The form alone (the report page links here with a filled in).
            return Page();
        }

        var today = ClerkDates.Today(time);
        var first = Parse("甲", First, today);
        var second = Parse("乙", Second, today);
        if ((first.Problem ?? second.Problem) is { } refusal)
        {
            Problem = refusal;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        A = await reports.FindAsync(first.Key!, first.Year, cancellationToken);
        B = await reports.FindAsync(second.Key!, second.Year, cancellationToken);
        if (A is null || B is null)
        {
            var missing = A is null ? ("甲", first) : ("乙", second);
            Problem = $"没有找到{missing.Item1}报告：机关代码“{missing.Item2.Key}”{missing.Item2.Year} 年度没有已发布的年度报告。";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (SameFormat)
        {
            (Tables, Changed) = TableComparison.Compare(A.Format, A.Table, B.Format, B.Table, "compare-", "对比：", "乙");
        }

        return Page();
    }

    /// <summary>Both reports' indicators, one row each.</summary>
    public IndicatorTableModel IndicatorTable => new("compare-indicator-table", "两份报告的指标", "报告",
        A is null || B is null ? [] : [Row("甲", A), Row("乙", B)]);

    private static IndicatorRow Row(string label, AnnualReport report) =>
        new($"{label}：{report.Organization.Name} {report.Year} 年度", ReportLinks.Page(ReportLinks.KeyOf(report.Organization), report.Year), Indicators.Of(report));

    public static string Key(AnnualReport report) => $"{ReportLinks.KeyOf(report.Organization)}/{report.Year}";

    /// <summary><c>{org}/{year}</c>: the organization key and a year the portal accepts, or why not.</summary>
    private static (string? Key, int Year, string? Problem) Parse(string label, string text, DateOnly today)
    {
        var trimmed = text.Trim();
        if (InputLimits.TextRefusal($"{label}报告", trimmed, InputLimits.OrganizationCodeMaxLength + 5) is { } tooLong)
        {
            return (null, 0, tooLong);
        }

        var slash = trimmed.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(trimmed.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (null, 0, $"{label}报告应写成“机关代码/年度”，如 350505/2023，收到“{trimmed}”。");
        }

        return InputLimits.YearRefusal($"{label}报告的年度", year, today) is { } refusal
            ? (null, 0, refusal)
            : (trimmed[..slash], year, null);
    }
}
