using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Public;

/// <summary>What citizens may read: published reports only. Drafts and reports under review never leave here.</summary>
public sealed class PublicReports(GovInfoDbContext db)
{
    public IQueryable<AnnualReport> Published =>
        db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Published);

    /// <summary>The published report of the organization with this key (code or <c>org-{id}</c>) for the year, or null.</summary>
    public async Task<AnnualReport?> FindAsync(string organizationKey, int year, CancellationToken cancellationToken = default)
    {
        var reports = Published.Include(r => r.Organization).ThenInclude(o => o.Parent).Where(r => r.Year == year);
        reports = ReportLinks.IdOf(organizationKey) is { } id
            ? reports.Where(r => r.OrganizationId == id && r.Organization.Code == null)
            : reports.Where(r => r.Organization.Code == organizationKey);
        return await reports.FirstOrDefaultAsync(cancellationToken);
    }
}
