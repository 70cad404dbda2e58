using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Public;

namespace GovInfoPortal.Web.Pages.Stats;

/// <summary>
/// What the statistics pages (<c>/stats</c>, <c>/stats/rank</c>) are about, from their <c>org</c> and <c>year</c>:
/// the organization (the first region without one), the years its subtree has tables for, and the year shown
/// (the asked one when it has tables, else the latest).
/// </summary>
public sealed record StatsScope(IReadOnlyList<(PublicOrganization Organization, int Depth)> Regions, PublicOrganization? Organization,
    IReadOnlyList<int> Years, int? Year, bool NotFound)
{
    public static async Task<StatsScope> ResolveAsync(PublicReports reports, string? organizationKey, int? year, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (year is { } asked && InputLimits.YearRefusal("年度", asked, today) is not null)
        {
            return new StatsScope([], null, [], null, true);
        }

        var regions = await reports.RegionsAsync(cancellationToken);
        var organization = string.IsNullOrWhiteSpace(organizationKey)
            ? regions.Select(r => r.Organization).FirstOrDefault()
            : await reports.FindOrganizationAsync(organizationKey, cancellationToken);
        if (organization is null)
        {
            return new StatsScope(regions, null, [], null, !string.IsNullOrWhiteSpace(organizationKey));
        }

        IReadOnlyList<int> years = [.. (await reports.YearCountsAsync(organization, cancellationToken))
            .Select(c => c.Year).Where(y => FormatDefinition.For(ReportFormats.ForYear(y)).HasTables)];
        var shown = year is { } y && years.Contains(y) ? y : years.Count > 0 ? years[0] : (int?)null;
        return new StatsScope(regions, organization, years, shown, false);
    }

    public static DateOnly Today(TimeProvider time) => ClerkDates.Today(time);
}
