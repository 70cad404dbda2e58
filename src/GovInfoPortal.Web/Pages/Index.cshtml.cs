using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages;

public sealed class IndexModel(PublicReports reports) : PageModel
{
    private const int LatestCount = 20;

    public IReadOnlyList<ReportListItem> Latest { get; private set; } = [];

    public IReadOnlyList<(int Year, int Count)> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await reports.YearCountsAsync(null, cancellationToken);
        Latest = await reports.LatestAsync(LatestCount, Years, cancellationToken);
    }
}
