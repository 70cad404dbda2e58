using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data;
using GovInfoPortal.Web.Public;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Clerk;

/// <summary>One of the organization's reports as "my reports" lists it.</summary>
/// <param name="Errors">The errors; while the report is being filled, without its empty cells and parts (counted in <paramref name="ToFill"/>).</param>
/// <param name="Correction">The open correction of a published report (its number and status), or null.</param>
/// <param name="ToFill">What is left to fill while the report is editable (未填 186 格), as the editor counts it; else empty.</param>
public sealed record ClerkReportItem(int Id, int Year, ReportFormat Format, ReportStatus Status, bool IsEditable, int Errors, int Warnings, DateTime UpdatedAt,
    string? PublicUrl, (int Number, ReportStatus Status)? Correction = null, string ToFill = "", SelfCheckScore? SelfCheck = null);

/// <summary>The years a clerk may start a report for, and the one offered first.</summary>
public sealed record StartOptions(IReadOnlyList<int> Years, int? Suggested);

/// <summary>The outcome of starting a report: its id, or why not (zh-CN).</summary>
public sealed record StartOutcome(int? ReportId, string? Error);

/// <summary>A clerk's organization and its reports: the list with findings, and starting the year's report.</summary>
public sealed class ClerkReports(GovInfoDbContext db, ReportFindings findings, TimeProvider time, ILogger<ClerkReports> logger)
{
    public Task<Organization?> OrganizationAsync(int organizationId, CancellationToken cancellationToken = default) =>
        db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);

    public async Task<IReadOnlyList<ClerkReportItem>> ListAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        var reports = await db.Reports.AsNoTracking().Include(r => r.Organization)
            .Include(r => r.Corrections.Where(c => c.Status != ReportStatus.Published))
            .Where(r => r.OrganizationId == organizationId)
            .OrderByDescending(r => r.Year)
            .ToListAsync(cancellationToken);
        var byYear = reports.ToDictionary(r => r.Year);
        var items = new List<ClerkReportItem>(reports.Count);
        foreach (var report in reports)
        {
            var copy = report.UnderReview;
            var validation = findings.Validate(report, byYear.GetValueOrDefault(report.Year - 1),
                peers: await findings.PeersAsync(report, cancellationToken: cancellationToken));
            var all = findings.Draft(report, validation, copy.WarningExplanations);
            var shown = copy.IsEditable ? all.WithoutToFill() : all;
            items.Add(new ClerkReportItem(report.Id, report.Year, report.Format, report.Status, copy.IsEditable,
                shown.Errors, shown.Warnings, copy.UpdatedAt,
                report.Status == ReportStatus.Published ? ReportLinks.Page(ReportLinks.KeyOf(report.Organization), report.Year) : null,
                report.CurrentCorrection is { } correction ? (correction.Number, correction.Status) : null,
                copy.IsEditable ? all.ToFillText : string.Empty, all.SelfCheck));
        }

        return items;
    }

    /// <summary>
    /// Reports are written in January for the year just ended: the years from 2019 (the first of today's
    /// formats) to last year that have no report yet; the most recent of them is suggested.
    /// </summary>
    public async Task<StartOptions> StartOptionsAsync(int organizationId, CancellationToken cancellationToken = default)
    {
        var taken = await db.Reports.Where(r => r.OrganizationId == organizationId).Select(r => r.Year).ToListAsync(cancellationToken);
        var years = Enumerable.Range(ReportFormats.FirstYear2019, Math.Max(0, findings.Today.Year - ReportFormats.FirstYear2019))
            .Except(taken).OrderDescending().ToList();
        return new StartOptions(years, years.Count > 0 ? years[0] : null);
    }

    /// <summary>
    /// Starts the year's report as a draft in the format of its year, with 二、上年结转 taken from last year's
    /// 四、结转下年度继续办理 when last year's report is known.
    /// </summary>
    public async Task<StartOutcome> StartAsync(int organizationId, int year, string userName, CancellationToken cancellationToken = default)
    {
        var options = await StartOptionsAsync(organizationId, cancellationToken);
        if (!options.Years.Contains(year))
        {
            var exists = await db.Reports.AnyAsync(r => r.OrganizationId == organizationId && r.Year == year, cancellationToken);
            return new StartOutcome(null, exists ? $"{year} 年度报告已经存在，请在“我的报告”中打开它。" : $"不能填报 {year} 年度的报告：可以填报的年度为 {ReportFormats.FirstYear2019} 年至 {findings.Today.Year - 1} 年。");
        }

        var organization = await db.Organizations.FirstAsync(o => o.Id == organizationId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var report = AnnualReport.Start(organization, year, now);
        var lastYear = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == organizationId && r.Year == year - 1, cancellationToken);
        if (lastYear?.Applications.Row(Codes.ApplicationRow.CarriedForward) is { IsEmpty: false } carriedForward)
        {
            var carriedOver = ReportTable.FromCells(carriedForward.Cells.Select(cell => (Codes.ApplicationRow.CarriedOver, cell.Key, cell.Value)));
            report.UpdateTable(TableCodes.Applications, carriedOver, now);
        }

        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new StartOutcome(null, $"{year} 年度报告已经存在（可能刚由同一机关的其他填报员创建），请在“我的报告”中打开它。");
        }

        logger.LogInformation("Report {ReportId} for {Year} started by {UserName}", report.Id, year, userName);
        return new StartOutcome(report.Id, null);
    }
}
