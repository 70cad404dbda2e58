using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Domain;

/// <summary>
/// What a clerk edits and a reviewer reviews: the content of a report (narrative, tables, 签发人, warning
/// explanations) with its own workflow status and version. The <see cref="AnnualReport"/> itself is one until it
/// is published; after that each <see cref="ReportCorrection"/> is one, so the published content never changes
/// while a correction is worked on. Content changes only while the copy is a draft (or returned); the review
/// steps are taken through the <see cref="AnnualReport"/> aggregate, which knows which copy is under review.
/// </summary>
public abstract class ReportWorkingCopy : IReportContent
{
    public const int SignedByMaxLength = 50;
    public const int DocumentNameMaxLength = 255;

    private readonly List<WorkflowEvent> _events = [];

    protected ReportWorkingCopy()
    {
        Sections = ReportSections.Empty;
        ActiveDisclosure = ReportTable.Empty;
        Applications = ReportTable.Empty;
        ReviewLitigation = ReportTable.Empty;
        LegacyFigures = TableRow.Empty;
        WarningExplanations = WarningExplanations.None;
    }

    public int Year { get; protected set; }

    public ReportFormat Format { get; protected set; }

    public ReportStatus Status { get; protected set; }

    public ReportSections Sections { get; private set; }

    public ReportTable ActiveDisclosure { get; private set; }

    public ReportTable Applications { get; private set; }

    public ReportTable ReviewLitigation { get; private set; }

    /// <summary>Legacy reports: the archived document's file name.</summary>
    public string? LegacyDocument { get; private set; }

    /// <summary>Legacy reports: headline figures of the statistics annex, by name (主动公开文件数 …).</summary>
    public TableRow LegacyFigures { get; private set; }

    /// <summary>签发人: the leader who signed the report off.</summary>
    public string? SignedBy { get; private set; }

    public DateOnly? PublishedOn { get; protected set; }

    /// <summary>The clerk's explanations of the report's warnings, required for each warning at submission.</summary>
    public WarningExplanations WarningExplanations { get; private set; }

    public DateTime UpdatedAt { get; protected set; }

    /// <summary>Grows with every change; an edit based on an older version loses the race instead of overwriting.</summary>
    public int Version { get; private set; }

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>Whether this copy is a correction of a published report (not the report's first round).</summary>
    public abstract bool IsCorrection { get; }

    /// <summary>The workflow steps taken since the copy was loaded, for the audit trail; the data layer takes them at saving.</summary>
    public IReadOnlyList<WorkflowEvent> PendingEvents => _events;

    /// <summary>Hands the pending steps over (to the audit trail) and forgets them.</summary>
    public IReadOnlyList<WorkflowEvent> TakeEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }

    public void UpdateSections(ReportSections sections, DateTime utcNow)
    {
        EnsureEditable();
        Sections = sections;
        Touch(utcNow);
    }

    public void UpdateTable(string tableCode, ReportTable table, DateTime utcNow)
    {
        EnsureEditable();
        switch (tableCode)
        {
            case TableCodes.ActiveDisclosure:
                ActiveDisclosure = table;
                break;
            case TableCodes.Applications:
                Applications = table;
                break;
            case TableCodes.ReviewLitigation:
                ReviewLitigation = table;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tableCode), tableCode, "Unknown table.");
        }

        Touch(utcNow);
    }

    public void UpdateLegacy(string? document, TableRow figures, DateTime utcNow)
    {
        EnsureEditable();
        if (document is { Length: > DocumentNameMaxLength })
        {
            throw new ArgumentException("Document name too long.", nameof(document));
        }

        LegacyDocument = document;
        LegacyFigures = figures;
        Touch(utcNow);
    }

    /// <summary>Replaces the whole content at once (an import): all of it or nothing.</summary>
    public void ReplaceContent(IReportContent content, string? legacyDocument, TableRow legacyFigures, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Year != Year)
        {
            throw new ArgumentException("The content is for another year.", nameof(content));
        }

        EnsureEditable();
        Format = content.Format;
        CopyContent(content, legacyDocument, legacyFigures);
        Touch(utcNow);
    }

    /// <summary>
    /// Saves what the clerk has in the editor — narrative, the three tables, 签发人 (blank clears it) and the
    /// warning explanations — as one change (one version step). Values are stored as stated, with errors.
    /// </summary>
    public void UpdateDraft(ReportSections sections, ReportTable activeDisclosure, ReportTable applications, ReportTable reviewLitigation,
        string? signedBy, WarningExplanations explanations, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(activeDisclosure);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(reviewLitigation);
        ArgumentNullException.ThrowIfNull(explanations);
        EnsureEditable();
        signedBy = string.IsNullOrWhiteSpace(signedBy) ? null : signedBy.Trim();
        if (signedBy is { Length: > SignedByMaxLength })
        {
            throw new ArgumentException("Name too long.", nameof(signedBy));
        }

        Sections = sections;
        ActiveDisclosure = activeDisclosure;
        Applications = applications;
        ReviewLitigation = reviewLitigation;
        SignedBy = signedBy;
        WarningExplanations = explanations;
        Touch(utcNow);
    }

    public void SignOff(string signedBy, DateTime utcNow)
    {
        EnsureEditable();
        ArgumentException.ThrowIfNullOrWhiteSpace(signedBy);
        if (signedBy.Length > SignedByMaxLength)
        {
            throw new ArgumentException("Name too long.", nameof(signedBy));
        }

        SignedBy = signedBy.Trim();
        Touch(utcNow);
    }

    /// <summary>
    /// Draft or Returned → Submitted without looking at the findings: only for content the portal did not take from
    /// a clerk (the synthetic seed) and for test fixtures. The portal submits with <see cref="Submit(ValidationReport, DateTime)"/>.
    /// </summary>
    internal void SubmitWithoutChecks(DateTime utcNow)
    {
        if (!IsEditable)
        {
            throw new ReportWorkflowException($"{Noun}当前状态为“{Status.DisplayName()}”，不能提交。");
        }

        if (string.IsNullOrWhiteSpace(SignedBy) && Format != ReportFormat.Legacy)
        {
            throw new ReportWorkflowException("提交前请填写签发人。");
        }

        var resubmitted = Status == ReportStatus.Returned;
        Move(ReportStatus.Submitted, utcNow);
        Raise(ReportActions.Submitted, resubmitted ? $"{Noun}修改后重新提交审核" : $"{Noun}提交审核", utcNow);
    }

    /// <summary>
    /// Why the report cannot be submitted with these findings (zh-CN, one line each): errors remain, a warning
    /// has no explanation, or 签发人 is missing. Empty when it can be submitted.
    /// </summary>
    public IReadOnlyList<string> SubmissionProblems(ValidationReport findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var problems = new List<string>();
        if (!IsEditable)
        {
            problems.Add($"{Noun}当前状态为“{Status.DisplayName()}”，不能提交。");
            return problems;
        }

        var errors = findings.Errors.Count();
        if (errors > 0)
        {
            problems.Add($"还有 {errors} 个错误，请改正后再提交。");
        }

        var unexplained = findings.Warnings.Count(warning => WarningExplanations.For(warning) is null);
        if (unexplained > 0)
        {
            problems.Add($"还有 {unexplained} 个警告未填写说明，请逐一说明原因后再提交。");
        }

        if (string.IsNullOrWhiteSpace(SignedBy) && Format != ReportFormat.Legacy)
        {
            problems.Add("提交前请填写签发人。");
        }

        return problems;
    }

    /// <summary>Submits when <see cref="SubmissionProblems"/> finds nothing: no error left, every warning explained.</summary>
    public void Submit(ValidationReport findings, DateTime utcNow)
    {
        if (SubmissionProblems(findings) is [var first, ..])
        {
            throw new ReportWorkflowException(first);
        }

        SubmitWithoutChecks(utcNow);
    }

    /// <summary>What the copy is called in messages: 报告, or 更正稿 for a correction.</summary>
    public string Noun => IsCorrection ? "更正稿" : "报告";

    /// <summary>Submitted → Returned, with the reviewer's comment (required), which the copy keeps.</summary>
    internal ReviewComment ReturnWith(AnnualReport report, string part, string comment, Actor reviewer, DateTime utcNow)
    {
        EnsureStatus(ReportStatus.Submitted, "退回");
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ReportWorkflowException("退回时请填写审核意见，说明需要修改的地方。");
        }

        var returned = ReviewComment.Create(report, this as ReportCorrection, part, comment, reviewer, withReturn: true, utcNow);
        Move(ReportStatus.Returned, utcNow);
        Raise(ReportActions.Returned, $"退回{Noun}（{ReportParts.DisplayName(returned.Part)}）：{returned.Text}", utcNow);
        return returned;
    }

    internal void ApproveStep(DateTime utcNow)
    {
        EnsureStatus(ReportStatus.Submitted, "审核通过");
        Move(ReportStatus.Approved, utcNow);
        Raise(ReportActions.Approved, $"{Noun}审核通过", utcNow);
    }

    /// <summary>Approved → Published on this date.</summary>
    internal void PublishStep(DateOnly publishedOn, DateTime utcNow)
    {
        EnsureStatus(ReportStatus.Approved, "发布");
        PublishedOn = publishedOn;
        Move(ReportStatus.Published, utcNow);
    }

    internal void EnsureStatus(ReportStatus required, string action)
    {
        if (Status != required)
        {
            throw new ReportWorkflowException($"{Noun}当前状态为“{Status.DisplayName()}”，不能{action}。");
        }
    }

    /// <summary>Takes another copy's content as it is: narrative, tables, legacy file and figures, 签发人 and explanations.</summary>
    protected void CopyFrom(ReportWorkingCopy source)
    {
        Year = source.Year;
        Format = source.Format;
        CopyContent(source, source.LegacyDocument, source.LegacyFigures);
        SignedBy = source.SignedBy;
        WarningExplanations = source.WarningExplanations;
    }

    private void CopyContent(IReportContent content, string? legacyDocument, TableRow legacyFigures)
    {
        Sections = content.Sections;
        ActiveDisclosure = content.ActiveDisclosure;
        Applications = content.Applications;
        ReviewLitigation = content.ReviewLitigation;
        LegacyDocument = legacyDocument;
        LegacyFigures = legacyFigures;
    }

    protected void Raise(string action, string description, DateTime utcNow) => RaiseFor(this as ReportCorrection, action, description, utcNow);

    /// <summary>Records a step about a correction (or, with null, about the report's first round).</summary>
    protected void RaiseFor(ReportCorrection? correction, string action, string description, DateTime utcNow) =>
        _events.Add(new WorkflowEvent(action, description, utcNow, correction));

    protected void ForgetEvents() => _events.Clear();

    protected void Move(ReportStatus to, DateTime utcNow)
    {
        Status = to;
        Touch(utcNow);
    }

    private void EnsureEditable()
    {
        if (Status == ReportStatus.Published)
        {
            throw new ReportWorkflowException(IsCorrection ? "该更正已发布，不能再修改。" : "已发布的报告不能直接修改，请通过更正流程。");
        }

        if (!IsEditable)
        {
            throw new ReportWorkflowException($"{Noun}当前状态为“{Status.DisplayName()}”，不能修改。");
        }
    }

    protected void Touch(DateTime utcNow)
    {
        UpdatedAt = utcNow;
        Version++;
    }
}
