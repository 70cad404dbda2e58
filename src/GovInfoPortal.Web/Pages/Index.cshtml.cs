using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Pages;

public sealed class IndexModel(GovInfoDbContext db) : PageModel
{
    private const int LatestCount = 20;

    public sealed record ReportListItem(string OrganizationName, string? OrganizationCode, int Year, ReportFormat Format, DateOnly? PublishedOn);

    public IReadOnlyList<ReportListItem> Latest { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyDictionary<int, int> CountByYear { get; private set; } = new Dictionary<int, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var published = db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Published);

        Latest = await published
            .OrderByDescending(r => r.Year)
            .ThenByDescending(r => r.PublishedOn)
            .ThenBy(r => r.Organization.Name)
            .Take(LatestCount)
            .Select(r => new ReportListItem(r.Organization.Name, r.Organization.Code, r.Year, r.Format, r.PublishedOn))
            .ToListAsync(cancellationToken);

        var counts = await published
            .GroupBy(r => r.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        CountByYear = counts.ToDictionary(c => c.Year, c => c.Count);
        Years = [.. CountByYear.Keys.OrderDescending()];
    }
}
