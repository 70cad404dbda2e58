using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Domain;

/// <summary>Where a report stands in its workflow.</summary>
public enum ReportStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
    Published = 4,
}

public static class ReportStatuses
{
    public static string DisplayName(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已提交",
        ReportStatus.Returned => "已退回",
        ReportStatus.Approved => "已审核通过",
        ReportStatus.Published => "已发布",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>Thrown when a workflow step is not allowed in the report's current state; the message is zh-CN.</summary>
public sealed class ReportWorkflowException(string message) : InvalidOperationException(message);

/// <summary>
/// One organization's report for one year, the aggregate of its review: the report is its own working copy
/// (<see cref="ReportWorkingCopy"/>) until it is published; after that a correction is opened as a
/// <see cref="ReportCorrection"/>, and publishing it archives the current content as a <see cref="ReportRevision"/>.
/// The review steps (return, approve, publish, comment) go through this class, which applies them to the copy
/// under review. Load <see cref="Corrections"/> (at least the open one) before a review step on a published report.
/// </summary>
public class AnnualReport : ReportWorkingCopy
{
    private readonly List<ReportCorrection> _corrections = [];
    private readonly List<ReportRevision> _revisions = [];
    private readonly List<ReviewComment> _comments = [];

    private readonly List<WarningDecision> _warningDecisions = [];

    private AnnualReport()
    {
    }

    /// <summary>Starts the year's report as a draft, in the format of its year.</summary>
    public static AnnualReport Start(Organization organization, int year, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (year is < ReportFormats.MinYear or > ReportFormats.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year out of range.");
        }

        var report = new AnnualReport
        {
            Organization = organization,
            OrganizationId = organization.Id,
            Year = year,
            Format = ReportFormats.ForYear(year),
            Status = ReportStatus.Draft,
            CreatedAt = utcNow,
            UpdatedAt = utcNow,
        };
        report.Raise(ReportActions.Started, $"创建 {year} 年度报告草稿", utcNow);
        return report;
    }

    /// <summary>
    /// Takes in a report that was published elsewhere (an archive import): it keeps the format and the
    /// figures it was published with. A published report's date may be unknown (<c>null</c>).
    /// </summary>
    public static AnnualReport Archived(Organization organization, int year, ReportFormat format, bool published, DateOnly? publishedOn, DateTime utcNow)
    {
        var report = Start(organization, year, utcNow);
        report.Format = format;
        report.PublishedOn = published ? publishedOn : null;
        report.Status = published ? ReportStatus.Published : ReportStatus.Draft;
        if (published)
        {
            report.TakeFingerprint();
        }

        report.ForgetEvents();
        report.Raise(ReportActions.Archived, published ? $"导入已发布的 {year} 年度报告" : $"导入 {year} 年度报告草稿", utcNow);
        return report;
    }

    /// <summary>
    /// Takes in a report that was published elsewhere together with its content and sign-off (an archive
    /// import, demo data). A published report's date is the content's <see cref="IReportContent.PublishedOn"/>,
    /// which may be unknown (<c>null</c>); an unpublished one becomes a draft.
    /// </summary>
    public static AnnualReport Archived(Organization organization, IReportContent content, string? legacyDocument, TableRow legacyFigures,
        string? signedBy, bool published, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(content);
        var report = Archived(organization, content.Year, content.Format, published: false, publishedOn: null, utcNow);
        report.ReplaceContent(content, legacyDocument, legacyFigures, utcNow);
        if (signedBy is not null)
        {
            report.SignOff(signedBy, utcNow);
        }

        if (published)
        {
            report.Status = ReportStatus.Published;
            report.PublishedOn = content.PublishedOn;
            report.TakeFingerprint();
        }

        report.ForgetEvents();
        report.Raise(ReportActions.Archived, published ? $"导入已发布的 {content.Year} 年度报告" : $"导入 {content.Year} 年度报告草稿", utcNow);
        return report;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; } = null!;

    public DateTime CreatedAt { get; private set; }

    /// <summary>How many corrections have been published; the published content is revision <see cref="RevisionNumber"/>.</summary>
    public int PublishedCorrections { get; private set; }

    /// <summary>Who confirmed, when publishing the current content, that the secrecy review (保密审查) was done.</summary>
    public string? SecrecyReviewedBy { get; private set; }

    public DateTime? SecrecyReviewedAt { get; private set; }

    /// <summary>
    /// The content fingerprint of the published version (<see cref="Interchange.ReportFingerprint"/>), taken when it
    /// was published and never changed after; null before publication.
    /// </summary>
    public string? Fingerprint { get; private set; }

    /// <summary>The corrections, published and open (at most one is open).</summary>
    public IReadOnlyCollection<ReportCorrection> Corrections => _corrections.AsReadOnly();

    /// <summary>The published versions that corrections replaced, oldest first once loaded.</summary>
    public IReadOnlyCollection<ReportRevision> Revisions => _revisions.AsReadOnly();

    public IReadOnlyCollection<ReviewComment> Comments => _comments.AsReadOnly();

    /// <summary>The reviewers' decisions on warnings, of every round (those added since loading, when not loaded).</summary>
    public IReadOnlyCollection<WarningDecision> WarningDecisions => _warningDecisions.AsReadOnly();

    public override bool IsCorrection => false;

    /// <summary>The number of the published content: 1 as first published, 2 after the first correction …</summary>
    public int RevisionNumber => PublishedCorrections + 1;

    /// <summary>The correction being worked on, or null.</summary>
    public ReportCorrection? CurrentCorrection => _corrections.FirstOrDefault(c => c.IsOpen);

    /// <summary>What the clerk edits and the reviewer reviews now: the open correction, else the report itself.</summary>
    public ReportWorkingCopy UnderReview => CurrentCorrection ?? (ReportWorkingCopy)this;

    /// <summary>Submitted → Returned, for the clerk to change, with the reviewer's comment on a part of the report (required).</summary>
    public ReviewComment Return(string part, string comment, Actor reviewer, DateTime utcNow)
    {
        var returned = UnderReview.ReturnWith(this, part, comment, reviewer, utcNow);
        _comments.Add(returned);
        return returned;
    }

    /// <summary>Submitted → Approved: ready to be published.</summary>
    public void Approve(DateTime utcNow) => UnderReview.ApproveStep(utcNow);

    /// <summary>A reviewer's comment on a part of the copy under review, without returning it.</summary>
    public ReviewComment Comment(string part, string text, Actor reviewer, DateTime utcNow)
    {
        var correction = CurrentCorrection;
        var comment = ReviewComment.Create(this, correction, part, text, reviewer, withReturn: false, utcNow);
        _comments.Add(comment);
        RaiseFor(correction, ReportActions.Commented, $"审核意见（{ReportParts.DisplayName(comment.Part)}）：{comment.Text}", utcNow);
        return comment;
    }

    /// <summary>
    /// A reviewer's decision on a warning of the submitted copy under review: its explanation accepted, or sent back —
    /// then the copy is returned to the clerk with the reason as the comment on the warning's part. The reason is required.
    /// </summary>
    public WarningDecision DecideWarning(Validation.Finding warning, WarningDecisionKind kind, string reason, Actor reviewer, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var copy = UnderReview;
        if (copy.Status != ReportStatus.Submitted)
        {
            throw new ReportWorkflowException($"{copy.Noun}当前状态为“{copy.Status.DisplayName()}”，只能对待审核的{copy.Noun}的警告作出决定。");
        }

        var correction = CurrentCorrection;
        var explanation = copy.WarningExplanations.For(warning);
        var decision = WarningDecision.Create(this, correction, warning, explanation, kind, reason, reviewer, utcNow);
        _warningDecisions.Add(decision);
        RaiseFor(correction, kind == WarningDecisionKind.Accepted ? ReportActions.WarningAccepted : ReportActions.WarningSentBack,
            $"{kind.DisplayName()}（{decision.Message}）：填报员说明“{explanation ?? "（未说明）"}”；理由：{decision.Reason}", utcNow);
        if (kind == WarningDecisionKind.SentBack)
        {
            Return(WarningDecision.PartOf(warning), $"警告说明未被接受（{decision.Message}）：{decision.Reason}", reviewer, utcNow);
        }

        return decision;
    }

    /// <summary>
    /// Why the report cannot be published on <paramref name="publishedOn"/> (zh-CN), or null: not after
    /// <paramref name="today"/> (in China), not before the year it reports on has ended, and a correction not before
    /// the version it replaces.
    /// </summary>
    public string? PublicationDateProblem(DateOnly publishedOn, DateOnly today)
    {
        if (publishedOn > today)
        {
            return $"发布日期不能晚于今天（{ChineseDates.Date(today)}）。";
        }

        if (publishedOn.Year <= Year)
        {
            return $"{Year} 年度报告的发布日期不能早于 {Year + 1} 年 1 月 1 日。";
        }

        return CurrentCorrection is not null && PublishedOn is { } current && publishedOn < current
            ? $"更正的发布日期不能早于现行版本的发布日期（{ChineseDates.Date(current)}）。"
            : null;
    }

    /// <summary>
    /// Approved → Published on <paramref name="publishedOn"/>, once the reviewer confirms the secrecy review
    /// (保密审查: 先审查、后公开), on a date <see cref="PublicationDateProblem"/> accepts (today is
    /// <paramref name="utcNow"/> in China). For an approved correction: the current content is archived as a revision and
    /// the correction's content is published in its place; the report stays published throughout.
    /// </summary>
    public void Publish(DateOnly publishedOn, bool secrecyReviewConfirmed, Actor publisher, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        var copy = UnderReview;
        copy.EnsureStatus(ReportStatus.Approved, "发布");
        if (!secrecyReviewConfirmed)
        {
            throw new ReportWorkflowException("发布前须确认已完成保密审查（先审查、后公开）。");
        }

        if (PublicationDateProblem(publishedOn, DateOnly.FromDateTime(ChinaTime.Of(utcNow).DateTime)) is { } problem)
        {
            throw new ReportWorkflowException(problem);
        }

        if (copy is ReportCorrection correction)
        {
            _revisions.Add(ReportRevision.Archive(this, correction, publishedOn, utcNow));
            CopyFrom(correction);
            PublishedOn = publishedOn;
            PublishedCorrections++;
            correction.PublishStep(publishedOn, utcNow);
            TakeFingerprint();
            Touch(utcNow);
            RaiseFor(correction, ReportActions.Published,
                $"发布第 {correction.Number} 次更正（第 {RevisionNumber} 版，发布日期 {ChineseDates.Date(publishedOn)}），替换第 {RevisionNumber - 1} 版；更正原因：{correction.Reason}；已确认保密审查", utcNow);
        }
        else
        {
            PublishStep(publishedOn, utcNow);
            TakeFingerprint();
            Raise(ReportActions.Published, $"发布报告（发布日期 {ChineseDates.Date(publishedOn)}）；已确认保密审查", utcNow);
        }

        SecrecyReviewedBy = publisher.Name.Length > Actor.NameMaxLength ? publisher.Name[..Actor.NameMaxLength] : publisher.Name;
        SecrecyReviewedAt = utcNow;
    }

    /// <summary>
    /// The published content's fingerprint, over its document as the downloads and the API give it. Without the
    /// organization loaded it is left to the data layer, which takes it when the publication is saved.
    /// </summary>
    internal void TakeFingerprint()
    {
        if (Organization is { } organization)
        {
            Fingerprint = Interchange.ReportFingerprint.Of(Interchange.ReportDocument.From(this, organization));
        }
    }

    /// <summary>
    /// Opens a correction of the published report with the reason for it: a copy of the published content that
    /// the clerk edits and that goes through review again. One correction at a time.
    /// </summary>
    public ReportCorrection OpenCorrection(string reason, Actor openedBy, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(openedBy);
        if (Status != ReportStatus.Published)
        {
            throw new ReportWorkflowException($"报告当前状态为“{Status.DisplayName()}”，尚未发布，不需要更正：发布前的修改请通过退回进行。");
        }

        if (CurrentCorrection is { } open)
        {
            throw new ReportWorkflowException($"该报告的第 {open.Number} 次更正尚未完成（{open.Status.DisplayName()}），请完成后再发起新的更正。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReportWorkflowException("请填写更正原因，发布后将在报告页面上公开。");
        }

        reason = reason.Trim();
        if (reason.Length > ReportCorrection.ReasonMaxLength)
        {
            throw new ReportWorkflowException($"更正原因最多 {ReportCorrection.ReasonMaxLength} 个字，现有 {reason.Length} 个字。");
        }

        var correction = new ReportCorrection(this, PublishedCorrections + 1, reason, openedBy, utcNow);
        _corrections.Add(correction);
        // Opening a correction is a change to the report, so two reviewers opening one at once cannot both succeed.
        Touch(utcNow);
        RaiseFor(correction, ReportActions.CorrectionOpened, $"发起第 {correction.Number} 次更正：{reason}", utcNow);
        return correction;
    }
}
