using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Data;

/// <summary>
/// The queries every part of the portal shares: subtrees over the materialized <see cref="Organization.Path"/> (an
/// indexed prefix match) and what citizens may see (<see cref="Published"/>).
/// </summary>
public static class OrganizationQueries
{
    /// <summary>The organization with this path and every organization under it.</summary>
    public static IQueryable<Organization> InSubtree(this IQueryable<Organization> organizations, string rootPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        return organizations.Where(o => o.Path.StartsWith(rootPath));
    }

    /// <summary>The reports of the organization with this path and of every organization under it.</summary>
    public static IQueryable<AnnualReport> InSubtree(this IQueryable<AnnualReport> reports, string rootPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        return reports.Where(r => r.Organization.Path.StartsWith(rootPath));
    }

    /// <summary>
    /// The published reports: the only ones a public page, search, the feed, the sitemap, the statistics, the API and
    /// the exports show. Drafts and reports under review never appear there.
    /// </summary>
    public static IQueryable<AnnualReport> Published(this IQueryable<AnnualReport> reports) =>
        reports.Where(r => r.Status == ReportStatus.Published);
}
