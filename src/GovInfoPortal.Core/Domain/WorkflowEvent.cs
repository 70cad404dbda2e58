namespace GovInfoPortal.Core.Domain;

/// <summary>A workflow step a report or correction took, as the audit trail records it.</summary>
/// <param name="Action">One of <see cref="ReportActions"/>.</param>
/// <param name="Description">What happened, in zh-CN (退回报告：请补充…).</param>
/// <param name="Correction">The correction the step was taken on, or null for the report's first round.</param>
public sealed record WorkflowEvent(string Action, string Description, DateTime At, ReportCorrection? Correction = null)
{
    private static long _lastSequence;

    /// <summary>Orders the steps taken in this process, also across the report and its correction.</summary>
    public long Sequence { get; } = Interlocked.Increment(ref _lastSequence);
}

/// <summary>
/// The stable codes of what the audit trail records: content changes and every workflow step. They are
/// stored, so they are never renamed.
/// </summary>
public static class ReportActions
{
    /// <summary>A clerk started the year's report.</summary>
    public const string Started = "report.started";

    /// <summary>A report published elsewhere was taken in (an archive import, demo data).</summary>
    public const string Archived = "report.archived";

    /// <summary>Narrative, figures, 签发人 or warning explanations changed.</summary>
    public const string ContentChanged = "content.changed";

    public const string Submitted = "workflow.submitted";

    public const string Returned = "workflow.returned";

    public const string Approved = "workflow.approved";

    public const string Published = "workflow.published";

    public const string CorrectionOpened = "correction.opened";

    public const string Commented = "comment.added";

    /// <summary>A reviewer accepted a warning's explanation.</summary>
    public const string WarningAccepted = "warning.accepted";

    /// <summary>A reviewer sent a warning's explanation back (the copy is returned with it).</summary>
    public const string WarningSentBack = "warning.sentBack";

    public static readonly IReadOnlyList<string> All =
        [Started, Archived, ContentChanged, Submitted, Returned, Approved, Published, CorrectionOpened, Commented, WarningAccepted, WarningSentBack];

    public static string DisplayName(string action) => action switch
    {
        Started => "创建报告",
        Archived => "导入已发布报告",
        ContentChanged => "修改内容",
        Submitted => "提交审核",
        Returned => "退回修改",
        Approved => "审核通过",
        Published => "发布",
        CorrectionOpened => "发起更正",
        Commented => "审核意见",
        WarningAccepted => "接受警告说明",
        WarningSentBack => "退回警告说明",
        _ => action,
    };
}
