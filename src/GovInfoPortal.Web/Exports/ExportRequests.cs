using System.Security.Claims;
using GovInfoPortal.Data.Exports;
using GovInfoPortal.Documents;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Totals;

namespace GovInfoPortal.Web.Exports;

/// <summary>An export job as its requester's list and the status endpoint show it.</summary>
public sealed record ExportJobView(
    int Id,
    string ScopeName,
    int Year,
    ExportJobStatus Status,
    int Done,
    int Total,
    int Percent,
    string? Error,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    long? Size)
{
    public string StatusName => Status.DisplayName();

    public bool IsActive => Status.IsActive();

    /// <summary>Whether the ZIP is ready to download (from <c>Pages/Review/Exports/Download</c>).</summary>
    public bool IsDownloadable => Status == ExportJobStatus.Completed;

    /// <summary>What the progress bar says in words: 已生成 3 / 10 份（30%）.</summary>
    public string ProgressText => Status switch
    {
        ExportJobStatus.Queued => "排队中，等待开始生成",
        ExportJobStatus.Running when Total == 0 => "正在准备",
        ExportJobStatus.Running => $"已生成 {Done} / {Total} 份（{Percent}%）",
        ExportJobStatus.Completed => $"已完成：共 {Total} 份（100%）",
        _ => Error ?? StatusName,
    };
}

/// <summary>The outcome of asking for an export: the job (new, or the same one already under way), or why not.</summary>
public sealed record ExportRequestResult(int? JobId, bool Created, string? Error);

/// <summary>
/// What the export pages do: queue a reviewer's request for the published PDFs of a year in a subtree, list
/// the user's jobs, and decide who may download a finished ZIP (its requester, an admin, or a reviewer whose
/// scope covers the job's subtree).
/// </summary>
public sealed class ExportRequests(ExportJobQueue queue, CityTotals totals, ReviewScopes scopes, ExportStorage storage, ExportWakeUp wakeUp)
{
    /// <summary>Most jobs listed for one user.</summary>
    public const int ListLength = 20;

    /// <summary>The ZIP's download name: 晋江市2020年政府信息公开工作年度报告（PDF）.zip.</summary>
    public static string ZipName(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{ScopeName(job)}{job.Year}年政府信息公开工作年度报告（PDF）.zip";
    }

    private static string ScopeName(ExportJob job) => job.ScopeOrganization is { } organization
        ? ReportFileNames.ShortName(organization.Name, organization.Parent?.Name)
        : string.Empty;

    public async Task<IReadOnlyList<ExportJobView>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var jobs = await queue.ForUserAsync(userId, ListLength, cancellationToken);
        return [.. jobs.Select(View)];
    }

    public static ExportJobView View(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ExportJobView(job.Id, ScopeName(job), job.Year, job.Status, job.Done, job.Total, job.Percent, job.Error,
            job.CreatedAt, job.FinishedAt, job.ResultSize);
    }

    /// <summary>Queues the export unless there is nothing to export, and wakes this instance's worker.</summary>
    public async Task<ExportRequestResult> RequestAsync(string userId, ScopeOrganization scope, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await totals.PublishedCountAsync(scope, year, cancellationToken) == 0)
        {
            return new ExportRequestResult(null, false, $"{scope.Name}及其下属机关没有已发布的 {year} 年度报告，无需导出。");
        }

        var (job, created) = await queue.EnqueueAsync(userId, scope.Id, year, cancellationToken);
        if (created)
        {
            wakeUp.Signal();
        }

        return new ExportRequestResult(job.Id, created, null);
    }

    /// <summary>A finished job's file for this user: null when there is no such finished file, Forbidden when it is not the user's to take.</summary>
    public async Task<(ExportJob? Job, string? Path, bool Forbidden)> DownloadAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var job = await queue.FindAsync(id, cancellationToken);
        if (job is null)
        {
            return (null, null, false);
        }

        if (!await MayDownloadAsync(user, job, cancellationToken))
        {
            return (job, null, true);
        }

        return job is { Status: ExportJobStatus.Completed, ResultFile: { } file } && storage.Exists(file)
            ? (job, storage.PathOf(file), false)
            : (job, null, false);
    }

    private async Task<bool> MayDownloadAsync(ClaimsPrincipal user, ExportJob job, CancellationToken cancellationToken)
    {
        if (user.UserIdOf() == job.RequestedById)
        {
            return true;
        }

        return job.ScopeOrganization is { } organization &&
            await scopes.ForAsync(user, cancellationToken) is { } scope &&
            scope.Covers(organization.Path);
    }
}
