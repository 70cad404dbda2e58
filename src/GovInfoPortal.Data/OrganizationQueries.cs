using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Data;

/// <summary>Subtree queries over the materialized <see cref="Organization.Path"/> (an indexed prefix match).</summary>
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
}
