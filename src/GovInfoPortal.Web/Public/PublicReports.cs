using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Data.Statistics;
using GovInfoPortal.Documents;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Public;

/// <summary>A published report as lists show it, with its current version's number and content fingerprint.</summary>
public sealed record ReportListItem(int ReportId, int OrganizationId, string OrganizationName, string? OrganizationCode, string? ParentName,
    int Year, ReportFormat Format, DateOnly? PublishedOn, int Version = 1, string? Fingerprint = null)
{
    public string OrganizationKey => ReportLinks.KeyOf(OrganizationCode, OrganizationId);

    public string Url => ReportLinks.Page(OrganizationKey, Year);

    /// <summary>泉港区2023年政府信息公开工作年度报告, as on the report and its downloads.</summary>
    public string Title => ReportFileNames.Title(new ReportDocument
    {
        Organization = new OrganizationRef(OrganizationName, OrganizationCode, ParentName),
        Year = Year,
        Format = Format,
    });
}

/// <summary>An earlier published version of a report, replaced by a correction: the public correction history.</summary>
public sealed record EarlierVersion(int Number, DateOnly? PublishedOn, DateOnly SupersededOn, string Reason, string? Fingerprint = null);

/// <summary>One page of a longer list. <see cref="Page"/> counts from 1.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

/// <summary>An organization as the public pages name and address it.</summary>
public sealed record PublicOrganization(int Id, string Name, string? Code, string Path, int? ParentId)
{
    public string Key => ReportLinks.KeyOf(Code, Id);
}

/// <summary>An organization with the number of published reports of its whole subtree.</summary>
public sealed record OrganizationCount(PublicOrganization Organization, int Reports, bool HasChildren);

/// <summary>
/// What citizens may read: published reports only. Drafts and reports under review never leave here, so
/// every public page, feed and API reads through this class.
/// </summary>
public sealed class PublicReports(GovInfoDbContext db, PublicCache cache)
{
    public const int MaxPageSize = GovInfoPortal.Core.Validation.InputLimits.MaxPageSize;

    public IQueryable<AnnualReport> Published =>
        db.Reports.AsNoTracking().Published();

    /// <summary>The published report of the organization with this key (code or <c>org-{id}</c>) for the year, or null.</summary>
    public async Task<AnnualReport?> FindAsync(string organizationKey, int year, CancellationToken cancellationToken = default)
    {
        var reports = Published.Include(r => r.Organization).ThenInclude(o => o.Parent).Where(r => r.Year == year);
        reports = ReportLinks.IdOf(organizationKey) is { } id
            ? reports.Where(r => r.OrganizationId == id && r.Organization.Code == null)
            : reports.Where(r => r.Organization.Code == organizationKey);
        return await reports.FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The canonical key of an organization addressed by an alias — <c>org-{id}</c> of a body that has a code — or null:
    /// each body and year has one address, and the alias redirects to it.
    /// </summary>
    public async Task<string?> CanonicalKeyAsync(string organizationKey, CancellationToken cancellationToken = default) =>
        ReportLinks.IdOf(organizationKey) is { } id
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == id && o.Code != null && o.Code != "").Select(o => o.Code)
                .FirstOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>The versions of a published report that corrections replaced, newest first.</summary>
    public async Task<IReadOnlyList<EarlierVersion>> EarlierVersionsAsync(int reportId, CancellationToken cancellationToken = default) =>
        await db.ReportRevisions.AsNoTracking()
            .Where(v => v.ReportId == reportId)
            .OrderByDescending(v => v.Number)
            .Select(v => new EarlierVersion(v.Number, v.PublishedOn, v.SupersededOn, v.SupersededReason, v.Fingerprint))
            .ToListAsync(cancellationToken);

    /// <summary>An earlier version of a published report, or null.</summary>
    public Task<ReportRevision?> FindEarlierVersionAsync(int reportId, int number, CancellationToken cancellationToken = default) =>
        db.ReportRevisions.AsNoTracking().FirstOrDefaultAsync(v => v.ReportId == reportId && v.Number == number, cancellationToken);

    /// <summary>The organization with this key (code or <c>org-{id}</c>), or null.</summary>
    public Task<PublicOrganization?> FindOrganizationAsync(string? organizationKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(organizationKey))
        {
            return Task.FromResult<PublicOrganization?>(null);
        }

        var organizations = db.Organizations.AsNoTracking();
        organizations = ReportLinks.IdOf(organizationKey) is { } id
            ? organizations.Where(o => o.Id == id && o.Code == null)
            : organizations.Where(o => o.Code == organizationKey);
        return organizations.Select(o => new PublicOrganization(o.Id, o.Name, o.Code, o.Path, o.ParentId)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The organization's ancestors from the root down, without itself.</summary>
    public async Task<IReadOnlyList<PublicOrganization>> AncestorsAsync(PublicOrganization organization, CancellationToken cancellationToken = default)
    {
        var ids = organization.Path.Split(Organization.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(int.Parse).Where(id => id != organization.Id).ToList();
        var ancestors = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new PublicOrganization(o.Id, o.Name, o.Code, o.Path, o.ParentId))
            .ToListAsync(cancellationToken);
        return [.. ancestors.OrderBy(o => o.Path.Length)];
    }

    /// <summary>Published reports, newest year first, optionally of one year and of one organization's subtree.</summary>
    public IQueryable<AnnualReport> Filtered(int? year, PublicOrganization? subtree)
    {
        var reports = Published;
        if (year is { } y)
        {
            reports = reports.Where(r => r.Year == y);
        }

        if (subtree is not null)
        {
            reports = reports.InSubtree(subtree.Path);
        }

        return reports;
    }

    public async Task<Paged<ReportListItem>> ListAsync(int? year, PublicOrganization? subtree, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        (page, pageSize) = Clamp(page, pageSize);
        var reports = Filtered(year, subtree);
        var total = await CountAsync(year, subtree, cancellationToken);
        // Newest year first, then newest report first: the (Year, Status) index yields the years in order, so
        // only one year's reports are ever sorted, even at a national scale.
        var ordered = reports.OrderByDescending(r => r.Year);
        // In a subtree, the reports come from its organizations (path index, then (OrganizationId, Year)) and are
        // sorted: ordered by the bare id, PostgreSQL walks the primary key backwards and tests every report of the
        // country against the subtree, which at 1,000,000 reports took 9.4 s for a subtree of 3,000 bodies whose
        // reports are not the newest (42 ms sorted). The expression keeps the key's index out of the ordering.
        var items = await (subtree is null ? ordered.ThenByDescending(r => r.Id) : ordered.ThenByDescending(r => r.Id + 0))
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(Item)
            .ToListAsync(cancellationToken);
        return new Paged<ReportListItem>(items, page, pageSize, total);
    }

    /// <summary>
    /// The latest publications: newest year first, then by publication date (unknown dates last on every
    /// provider). The two newest years are sorted first, every report only when they do not hold
    /// <paramref name="count"/>.
    /// </summary>
    public async Task<IReadOnlyList<ReportListItem>> LatestAsync(int count, CancellationToken cancellationToken = default)
    {
        if (await Published.MaxAsync(r => (int?)r.Year, cancellationToken) is not { } newest)
        {
            return [];
        }

        var latest = await LatestAsync(Published.Where(r => r.Year >= newest - 1), count, cancellationToken);
        return latest.Count >= count ? latest : await LatestAsync(Published, count, cancellationToken);
    }

    /// <summary>
    /// The same latest publications without reading the newest year first, for a page that has read the year counts anyway
    /// (<see cref="YearCountsAsync"/> without a subtree): they tell whether the two newest years hold
    /// <paramref name="count"/> reports.
    /// </summary>
    public async Task<IReadOnlyList<ReportListItem>> LatestAsync(int count, IReadOnlyList<(int Year, int Count)> yearCounts,
        CancellationToken cancellationToken = default)
    {
        if (yearCounts.Count == 0)
        {
            return [];
        }

        var newest = yearCounts.Max(c => c.Year);
        var recent = yearCounts.Where(c => c.Year >= newest - 1).Sum(c => c.Count) >= count;
        return await LatestAsync(recent ? Published.Where(r => r.Year >= newest - 1) : Published, count, cancellationToken);
    }

    /// <summary>
    /// The dated and the undated reports each come in order from their own partial index and are merged here: an
    /// ORDER BY on "date is unknown" could use no index and would sort every report of the years.
    /// </summary>
    private static async Task<IReadOnlyList<ReportListItem>> LatestAsync(IQueryable<AnnualReport> reports, int count, CancellationToken cancellationToken)
    {
        var dated = await reports.Where(r => r.PublishedOn != null)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id)
            .Take(count).Select(Item).ToListAsync(cancellationToken);
        var undated = await reports.Where(r => r.PublishedOn == null)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Take(count).Select(Item).ToListAsync(cancellationToken);
        return [.. dated.Concat(undated)
            .OrderByDescending(r => r.Year).ThenBy(r => r.PublishedOn is null).ThenByDescending(r => r.PublishedOn).ThenByDescending(r => r.ReportId)
            .Take(count)];
    }

    /// <summary>The published reports of one organization (not of its subtree), newest year first.</summary>
    public async Task<IReadOnlyList<ReportListItem>> OfOrganizationAsync(int organizationId, CancellationToken cancellationToken = default) =>
        await Published.Where(r => r.OrganizationId == organizationId)
            .OrderByDescending(r => r.Year)
            .Select(Item)
            .ToListAsync(cancellationToken);

    /// <summary>The list items of these reports, in the order of the ids given.</summary>
    public async Task<IReadOnlyList<ReportListItem>> ItemsAsync(IReadOnlyList<int> reportIds, CancellationToken cancellationToken = default)
    {
        var ids = reportIds.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var items = (await Published.Where(r => ids.Contains(r.Id)).Select(Item).ToListAsync(cancellationToken))
            .ToDictionary(item => item.ReportId);
        return [.. ids.Where(items.ContainsKey).Select(id => items[id])];
    }

    /// <summary>
    /// The kept totals rows of a subtree (<see cref="OrganizationYearTotal"/>): its root's, or every top-level
    /// organization's for the whole portal — a few indexed rows, whatever the number of reports under them.
    /// </summary>
    private IQueryable<OrganizationYearTotal> Totals(PublicOrganization? subtree) => OrganizationTotals.SubtreeRows(db, subtree?.Id);

    /// <summary>How many published reports there are (of the year, when given; of the subtree, when given), from the kept totals.</summary>
    public Task<int> CountAsync(int? year, PublicOrganization? subtree, CancellationToken cancellationToken = default)
    {
        var rows = Totals(subtree);
        if (year is { } y)
        {
            rows = rows.Where(t => t.Year == y);
        }

        return rows.SumAsync(t => t.Reports, cancellationToken);
    }

    /// <summary>How many reports each year has, newest year first, from the kept totals.</summary>
    public async Task<IReadOnlyList<(int Year, int Count)>> YearCountsAsync(PublicOrganization? subtree, CancellationToken cancellationToken = default)
    {
        var counts = await Totals(subtree)
            .Where(t => t.Reports > 0)
            .GroupBy(t => t.Year)
            .Select(g => new { Year = g.Key, Count = g.Sum(t => t.Reports) })
            .ToListAsync(cancellationToken);
        return [.. counts.OrderByDescending(c => c.Year).Select(c => (c.Year, c.Count))];
    }

    /// <summary>
    /// The children of an organization (the roots when it is null), each with the number of published
    /// reports in its subtree (of the year, when given), read in one query from the children's kept totals; kept a few
    /// minutes (<see cref="PublicCache"/>).
    /// </summary>
    public Task<IReadOnlyList<OrganizationCount>> ChildrenAsync(PublicOrganization? parent, int? year, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(("children", parent?.Id, year), () => CountChildrenAsync(parent, year, cancellationToken));

    private async Task<IReadOnlyList<OrganizationCount>> CountChildrenAsync(PublicOrganization? parent, int? year, CancellationToken cancellationToken)
    {
        var parentId = parent?.Id;
        var children = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId == parentId)
            .OrderBy(o => o.Name)
            .Select(o => new
            {
                Organization = new PublicOrganization(o.Id, o.Name, o.Code, o.Path, o.ParentId),
                HasChildren = db.Organizations.Any(c => c.ParentId == o.Id),
                Reports = db.OrganizationYearTotals.Where(t => t.OrganizationId == o.Id && (year == null || t.Year == year)).Sum(t => (int?)t.Reports) ?? 0,
            })
            .ToListAsync(cancellationToken);
        return [.. children.Select(c => new OrganizationCount(c.Organization, c.Reports, c.HasChildren))];
    }

    /// <summary>
    /// The organizations that have others under them (regions and governments), in tree order with their
    /// depth, for filters; at most <see cref="MaxRegions"/>.
    /// </summary>
    public Task<IReadOnlyList<(PublicOrganization Organization, int Depth)>> RegionsAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync("regions", TreeOnly, () => ReadRegionsAsync(cancellationToken), cancellationToken);

    /// <summary>What only a change of the tree (written as <see cref="ContentTags.Everything"/>) changes: publications do not.</summary>
    private static readonly string[] TreeOnly = [ContentTags.Tree];

    private async Task<IReadOnlyList<(PublicOrganization Organization, int Depth)>> ReadRegionsAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Organizations.AsNoTracking()
            .Where(o => db.Organizations.Any(c => c.ParentId == o.Id))
            .OrderBy(o => o.Path)
            .Take(MaxRegions)
            .Select(o => new PublicOrganization(o.Id, o.Name, o.Code, o.Path, o.ParentId))
            .ToListAsync(cancellationToken);
        return [.. regions.Select(o => (o, o.Path.Count(c => c == Organization.PathSeparator) - 2))];
    }

    public const int MaxRegions = 500;

    public static (int Page, int PageSize) Clamp(int page, int pageSize) =>
        (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));

    private static readonly System.Linq.Expressions.Expression<Func<AnnualReport, ReportListItem>> Item =
        r => new ReportListItem(r.Id, r.OrganizationId, r.Organization.Name, r.Organization.Code,
            r.Organization.Parent == null ? null : r.Organization.Parent.Name, r.Year, r.Format, r.PublishedOn,
            r.PublishedCorrections + 1, r.Fingerprint);
}
