using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;

namespace GovInfoPortal.Data.Exports;

/// <summary>Where an export job stands.</summary>
public enum ExportJobStatus
{
    /// <summary>Waiting for an instance of the portal to claim it.</summary>
    Queued = 0,

    /// <summary>Claimed by an instance, which is building the file and beating its heart.</summary>
    Running = 1,

    Completed = 2,

    Failed = 3,
}

public static class ExportJobStatuses
{
    public static string DisplayName(this ExportJobStatus status) => status switch
    {
        ExportJobStatus.Queued => "排队中",
        ExportJobStatus.Running => "正在生成",
        ExportJobStatus.Completed => "已完成",
        ExportJobStatus.Failed => "失败",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool IsActive(this ExportJobStatus status) => status is ExportJobStatus.Queued or ExportJobStatus.Running;
}

/// <summary>
/// A request for the published PDFs of a year in one organization's subtree as one ZIP file, built in the
/// background by whichever instance of the portal claims it. Several instances share the database, so the
/// state changes that matter between them — claiming, progress, completion — are conditional updates in the
/// database (<see cref="ExportJobQueue"/>), never decisions made in one process's memory.
/// </summary>
public class ExportJob
{
    public const int InstanceMaxLength = 100;
    public const int ClaimTokenLength = 32;
    public const int ResultFileMaxLength = 200;
    public const int ErrorMaxLength = 500;

    private ExportJob()
    {
        RequestedById = string.Empty;
    }

    public static ExportJob Request(string requestedById, int scopeOrganizationId, int year, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestedById);
        return new ExportJob
        {
            RequestedById = requestedById,
            ScopeOrganizationId = scopeOrganizationId,
            Year = year,
            Status = ExportJobStatus.Queued,
            CreatedAt = utcNow,
        };
    }

    public int Id { get; private set; }

    /// <summary>The user who asked for the export.</summary>
    public string RequestedById { get; private set; }

    public PortalUser? RequestedBy { get; private set; }

    /// <summary>The root of the subtree whose reports the ZIP holds.</summary>
    public int ScopeOrganizationId { get; private set; }

    public Organization? ScopeOrganization { get; private set; }

    public int Year { get; private set; }

    public ExportJobStatus Status { get; private set; }

    /// <summary>Reports written into the ZIP so far.</summary>
    public int Done { get; private set; }

    /// <summary>Reports the ZIP will hold (known once an instance has started on it).</summary>
    public int Total { get; private set; }

    /// <summary>How many times an instance has claimed the job (a reclaim after a crash counts again).</summary>
    public int Attempts { get; private set; }

    /// <summary>The instance working on the job (or the last one that did).</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>
    /// New with every claim: updates by a worker name the claim they belong to, so a worker that lost its
    /// claim (taken for dead and reclaimed) changes nothing any more.
    /// </summary>
    public string? ClaimToken { get; private set; }

    public DateTime? ClaimedAt { get; private set; }

    /// <summary>When the claiming instance last said it is still at work; a stale heartbeat makes the job claimable again.</summary>
    public DateTime? HeartbeatAt { get; private set; }

    /// <summary>The finished file's name in the export storage folder.</summary>
    public string? ResultFile { get; private set; }

    public long? ResultSize { get; private set; }

    /// <summary>Why the job failed (zh-CN, for the requester).</summary>
    public string? Error { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Completion as a whole percentage (100 once completed).</summary>
    public int Percent => Status == ExportJobStatus.Completed ? 100
        : Total <= 0 ? 0
        : (int)Math.Min(100, Done * 100L / Total);
}
