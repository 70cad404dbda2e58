using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Public;

namespace GovInfoPortal.Web.Datasets;

/// <summary>A dataset as listed: its scope, its report count (from the kept totals) and its files when built and current.</summary>
public sealed record DatasetEntry(DatasetScope Scope, int Reports, BuiltDataset? Built)
{
    public ReportFormat Format => ReportFormats.ForYear(Scope.Year);
}

/// <summary>Why a dataset address cannot be answered: 400 (malformed) or 404 (no such organization, no report), in zh-CN.</summary>
public sealed record DatasetRefusal(int Status, string Message);

/// <summary>
/// The datasets of a scope, for the listing (<c>/api/v1/datasets</c>) and the page (<c>/datasets</c>): cheap reads only —
/// the report counts come from the kept totals (a few indexed rows) and the sizes and fingerprints from
/// <see cref="DatasetStore"/>'s memory. The one exception is bounded: the listed scope's own dataset of a year is
/// built on demand when it holds at most <see cref="DatasetStore.BuildOnListMaxReports"/> reports.
/// </summary>
public sealed class DatasetCatalog(PublicReports reports, DatasetStore store, TimeProvider clock)
{
    /// <summary>The organization of <paramref name="organizationKey"/> (null: every organization), or why the address is refused.</summary>
    public async Task<(PublicOrganization? Root, DatasetRefusal? Refusal)> ResolveAsync(string? organizationKey, int? year, CancellationToken cancellationToken)
    {
        var refusal = (year is { } y ? InputLimits.YearRefusal("year（报告年度）", y, ClerkDates.Today(clock)) : null)
            ?? InputLimits.TextRefusal("org（机关代码）", organizationKey, InputLimits.OrganizationCodeMaxLength);
        if (refusal is not null)
        {
            return (null, new DatasetRefusal(StatusCodes.Status400BadRequest, refusal));
        }

        var root = await reports.FindOrganizationAsync(organizationKey, cancellationToken);
        return !string.IsNullOrWhiteSpace(organizationKey) && root is null
            ? (null, new DatasetRefusal(StatusCodes.Status404NotFound, $"没有代码为“{organizationKey}”的机关。"))
            : (root, null);
    }

    /// <summary>How many published reports the dataset holds, from the kept totals.</summary>
    public Task<int> CountAsync(DatasetScope scope, CancellationToken cancellationToken) =>
        reports.CountAsync(scope.Year, scope.Root, cancellationToken);

    /// <summary>
    /// With a year: the scope's dataset of the year, then each child's (over the child's subtree) that holds reports.
    /// Without: the scope's dataset of each year that has reports, newest first.
    /// </summary>
    public async Task<IReadOnlyList<DatasetEntry>> ListAsync(PublicOrganization? root, int? year, CancellationToken cancellationToken)
    {
        if (year is not { } y)
        {
            return [.. (await reports.YearCountsAsync(root, cancellationToken))
                .Select(c => Entry(new DatasetScope(root, c.Year), c.Count))];
        }

        var own = new DatasetScope(root, y);
        var count = await CountAsync(own, cancellationToken);
        if (count == 0)
        {
            return [];
        }

        var entries = new List<DatasetEntry>
        {
            count <= DatasetStore.BuildOnListMaxReports
                ? new DatasetEntry(own, count, await store.GetAsync(own, cancellationToken))
                : Entry(own, count),
        };
        entries.AddRange((await reports.ChildrenAsync(root, y, cancellationToken))
            .Where(child => child.Reports > 0)
            .Select(child => Entry(new DatasetScope(child.Organization, y), child.Reports)));
        return entries;
    }

    private DatasetEntry Entry(DatasetScope scope, int count) => new(scope, count, store.Current(scope));
}
