using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Totals;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Review;

/// <summary>Where an organization's report of the year stands, as the dashboard filters it.</summary>
public enum DashboardStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,

    /// <summary>Published, with a correction being worked on.</summary>
    Correcting,
}

public static class DashboardStatuses
{
    public static readonly IReadOnlyList<DashboardStatus> All = Enum.GetValues<DashboardStatus>();

    public static string Code(this DashboardStatus status) => status switch
    {
        DashboardStatus.NotStarted => "notStarted",
        DashboardStatus.Draft => "draft",
        DashboardStatus.Submitted => "submitted",
        DashboardStatus.Returned => "returned",
        DashboardStatus.Approved => "approved",
        DashboardStatus.Published => "published",
        DashboardStatus.Correcting => "correcting",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The counters' names: a report's own status names (<see cref="ReportStatuses.DisplayName"/>), so that the counters, the rows, the review page and 我的报告 say the same.</summary>
    public static string DisplayName(this DashboardStatus status) => status switch
    {
        DashboardStatus.NotStarted => "未开始",
        DashboardStatus.Draft => ReportStatus.Draft.DisplayName(),
        DashboardStatus.Submitted => ReportStatus.Submitted.DisplayName(),
        DashboardStatus.Returned => ReportStatus.Returned.DisplayName(),
        DashboardStatus.Approved => ReportStatus.Approved.DisplayName(),
        DashboardStatus.Published => ReportStatus.Published.DisplayName(),
        DashboardStatus.Correcting => "更正中",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static DashboardStatus? Parse(string? code) => All.Where(s => s.Code() == code).Select(s => (DashboardStatus?)s).FirstOrDefault();

    /// <summary>The first-round status of a report.</summary>
    public static DashboardStatus Of(ReportStatus status) => status switch
    {
        ReportStatus.Draft => DashboardStatus.Draft,
        ReportStatus.Submitted => DashboardStatus.Submitted,
        ReportStatus.Returned => DashboardStatus.Returned,
        ReportStatus.Approved => DashboardStatus.Approved,
        _ => DashboardStatus.Published,
    };
}

/// <summary>What the dashboard shows of one year in one subtree, and which rows.</summary>
public sealed record DashboardQuery(int Year, DashboardStatus? Status, bool OverdueOnly, OrganizationKind? Kind, int Page);

/// <summary>One organization's line: its report of the year (if any), the state of an open correction, findings and lateness.</summary>
public sealed record DashboardRow(
    int OrganizationId, string Name, OrganizationKind Kind, int Depth, int? ReportId, ReportStatus? Status, ReportStatus? CorrectionStatus,
    int? CorrectionNumber, DateOnly? PublishedOn, DateTime? UpdatedAt, DateOnly Deadline, bool OverdueUnpublished, bool PublishedLate,
    int Errors, int Warnings, int UnexplainedWarnings, SelfCheckScore? SelfCheck = null)
{
    public DashboardStatus DashboardStatus =>
        Status is null ? DashboardStatus.NotStarted : CorrectionStatus is not null ? DashboardStatus.Correcting : DashboardStatuses.Of(Status.Value);

    /// <summary>草稿, 已发布 · 第 1 次更正：已提交 …</summary>
    public string StatusText => DashboardStatus switch
    {
        DashboardStatus.NotStarted => "未开始",
        DashboardStatus.Correcting => $"已发布 · 第 {CorrectionNumber} 次更正：{CorrectionStatus!.Value.DisplayName()}",
        _ => Status!.Value.DisplayName(),
    };

    /// <summary>Whether the reviewer has something to do: a submission to review or an approved copy to publish.</summary>
    public bool AwaitsReviewer => (CorrectionStatus ?? Status) is ReportStatus.Submitted or ReportStatus.Approved;
}

/// <summary>How many of the subtree's organizations stand where.</summary>
public sealed record DashboardCounts(int Organizations, IReadOnlyDictionary<DashboardStatus, int> ByStatus, int OverdueUnpublished, int PublishedLate)
{
    public int this[DashboardStatus status] => ByStatus.GetValueOrDefault(status);

    public int Overdue => OverdueUnpublished + PublishedLate;
}

public sealed record DashboardView(ScopeOrganization Root, DashboardQuery Query, DashboardCounts Counts, IReadOnlyList<DashboardRow> Rows, int Matching,
    int PageCount, IReadOnlyDictionary<OrganizationKind, DateOnly> Deadlines, DateOnly Today);

/// <summary>
/// The year's dashboard of a reviewer's subtree: every organization with the state of its report (未开始 included),
/// the counts at the top, the deadline of each kind and who is late, filtered by status, lateness and kind. Counts
/// and filters run in the database; findings are computed for the rows of the page shown.
/// </summary>
public sealed class ReviewDashboard(GovInfoDbContext db, ReportFindings findings, DeadlinePolicy deadlines, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<DashboardView> LoadAsync(ScopeOrganization root, DashboardQuery query, CancellationToken cancellationToken = default)
    {
        var today = ClerkDates.Today(time);
        var year = query.Year;
        var byKind = Enum.GetValues<OrganizationKind>().ToDictionary(kind => kind, kind => deadlines.DeadlineFor(kind, year));
        var (governmentDeadline, departmentDeadline, townshipDeadline) =
            (byKind[OrganizationKind.PeoplesGovernment], byKind[OrganizationKind.Department], byKind[OrganizationKind.Township]);
        var lateKinds = byKind.Where(pair => today > pair.Value).Select(pair => pair.Key).ToList();

        var organizations = db.Organizations.AsNoTracking().InSubtree(root.Path);
        var reports = db.Reports.AsNoTracking().Where(r => r.Year == year);
        var rows =
            from o in organizations
            join r in reports on o.Id equals r.OrganizationId into found
            from r in found.DefaultIfEmpty()
            let deadline = o.Kind == OrganizationKind.PeoplesGovernment ? governmentDeadline
                : o.Kind == OrganizationKind.Department ? departmentDeadline : townshipDeadline
            select new
            {
                Organization = o,
                Report = r,
                Correcting = r != null && r.Corrections.Any(c => c.Status != ReportStatus.Published),
                // Latenesses.Of in SQL, for the counts and the filter (the rows shown use Latenesses.Of itself).
                OverdueUnpublished = lateKinds.Contains(o.Kind) && (r == null || r.Status != ReportStatus.Published),
                PublishedLate = r != null && r.Status == ReportStatus.Published && r.PublishedOn > deadline,
                Deadline = deadline,
            };

        var subtreeReports = reports.InSubtree(root.Path);
        var byReportStatus = await subtreeReports.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var organizationCount = await organizations.CountAsync(cancellationToken);
        var correcting = await subtreeReports.CountAsync(r => r.Corrections.Any(c => c.Status != ReportStatus.Published), cancellationToken);
        var overdueUnpublished = await rows.CountAsync(x => x.OverdueUnpublished, cancellationToken);
        var publishedLate = await rows.CountAsync(x => x.PublishedLate, cancellationToken);
        var byStatus = new Dictionary<DashboardStatus, int>
        {
            [DashboardStatus.NotStarted] = organizationCount - byReportStatus.Values.Sum(),
            [DashboardStatus.Correcting] = correcting,
        };
        foreach (var (status, count) in byReportStatus)
        {
            var shownAs = DashboardStatuses.Of(status);
            byStatus[shownAs] = byStatus.GetValueOrDefault(shownAs) + count - (status == ReportStatus.Published ? correcting : 0);
        }

        var filtered = rows;
        if (query.Kind is { } kind)
        {
            filtered = filtered.Where(x => x.Organization.Kind == kind);
        }

        if (query.OverdueOnly)
        {
            filtered = filtered.Where(x => x.OverdueUnpublished || x.PublishedLate);
        }

        filtered = query.Status switch
        {
            null => filtered,
            DashboardStatus.NotStarted => filtered.Where(x => x.Report == null),
            DashboardStatus.Correcting => filtered.Where(x => x.Correcting),
            DashboardStatus.Published => filtered.Where(x => x.Report != null && x.Report.Status == ReportStatus.Published && !x.Correcting),
            { } status => filtered.Where(x => x.Report != null && x.Report.Status == ToReportStatus(status)),
        };

        var matching = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (matching + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var shown = await filtered.OrderBy(x => x.Organization.Path)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.Organization.Id,
                x.Organization.Name,
                x.Organization.Kind,
                x.Organization.Path,
                ReportId = x.Report == null ? (int?)null : x.Report.Id,
                x.Deadline,
            })
            .ToListAsync(cancellationToken);

        var checkedReports = await FindingsAsync(shown.Where(x => x.ReportId is not null).Select(x => x.ReportId!.Value).ToList(), cancellationToken);
        var rootDepth = Depth(root.Path);
        var list = shown.Select(x =>
        {
            var report = x.ReportId is { } id ? checkedReports[id] : null;
            var correction = report?.Report.CurrentCorrection;
            var lateness = Latenesses.Of(x.Deadline, report?.Report.PublishedOn, today);
            return new DashboardRow(x.Id, x.Name, x.Kind, Depth(x.Path) - rootDepth, x.ReportId, report?.Report.Status, correction?.Status, correction?.Number,
                report?.Report.PublishedOn, report?.Report.UnderReview.UpdatedAt, x.Deadline, lateness == Lateness.OverdueUnpublished, lateness == Lateness.PublishedLate,
                report?.Findings.Errors ?? 0, report?.Findings.Warnings ?? 0, report?.Findings.UnexplainedWarnings ?? 0, report?.Findings.SelfCheck);
        }).ToList();

        return new DashboardView(root, query with { Page = page },
            new DashboardCounts(organizationCount, byStatus, overdueUnpublished, publishedLate),
            list, matching, pageCount, byKind, today);
    }

    private sealed record CheckedReport(AnnualReport Report, DraftFindings Findings);

    /// <summary>The findings of the copy under review of each report, against last year's report of the same organization.</summary>
    private async Task<Dictionary<int, CheckedReport>> FindingsAsync(IReadOnlyList<int> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0)
        {
            return [];
        }

        var reports = await db.Reports.AsNoTracking().Include(r => r.Organization)
            .Include(r => r.Corrections.Where(c => c.Status != ReportStatus.Published))
            .Where(r => reportIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var organizationIds = reports.Select(r => r.OrganizationId).ToList();
        var year = reports[0].Year;
        var lastYear = await db.Reports.AsNoTracking()
            .Where(r => r.Year == year - 1 && organizationIds.Contains(r.OrganizationId))
            .ToDictionaryAsync(r => r.OrganizationId, cancellationToken);
        var decisions = await db.WarningDecisions.AsNoTracking().Where(d => reportIds.Contains(d.ReportId)).ToListAsync(cancellationToken);
        var checkedReports = new Dictionary<int, CheckedReport>(reports.Count);
        foreach (var r in reports)
        {
            var copy = r.UnderReview;
            var validation = findings.Validate(r, lastYear.GetValueOrDefault(r.OrganizationId), copy, await findings.PeersAsync(r, copy, cancellationToken));
            var accepted = WarningDecision.AcceptedKeys(decisions.Where(d => d.ReportId == r.Id), (copy as ReportCorrection)?.Id);
            checkedReports[r.Id] = new CheckedReport(r, findings.Draft(r, validation, copy.WarningExplanations, accepted: accepted));
        }

        return checkedReports;
    }

    private static int Depth(string path) => path.Count(c => c == Organization.PathSeparator);

    private static ReportStatus ToReportStatus(DashboardStatus status) => status switch
    {
        DashboardStatus.Draft => ReportStatus.Draft,
        DashboardStatus.Submitted => ReportStatus.Submitted,
        DashboardStatus.Returned => ReportStatus.Returned,
        DashboardStatus.Approved => ReportStatus.Approved,
        _ => ReportStatus.Published,
    };
}
