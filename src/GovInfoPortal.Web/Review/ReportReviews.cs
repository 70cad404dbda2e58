using System.Security.Claims;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Totals;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Review;

/// <summary>A set of changes between two versions, with what is compared to what (zh-CN).</summary>
public sealed record ChangeSet(string Title, string Between, IReadOnlyList<ContentChange> Changes);

/// <summary>
/// Everything the review page shows of one report: the copy under review as it will be published, its findings
/// with the clerk's explanations, its figures beside last year's, what changed since the last submission (and,
/// for a correction, against the published version), comments, submissions, corrections, revisions, and the
/// audit trail.
/// </summary>
public sealed record ReviewView(
    AnnualReport Report,
    ReportWorkingCopy Copy,
    ReportBodyModel Body,
    DraftFindings Findings,
    AnnualReport? LastYear,
    IReadOnlyList<OfficialTableModel> YearOnYear,
    int ChangedSinceLastYear,
    ChangeSet? SinceLastSubmission,
    ChangeSet? AgainstPublished,
    IReadOnlyList<ReviewComment> Comments,
    IReadOnlyList<ReportSubmission> Submissions,
    IReadOnlyList<ReportCorrection> Corrections,
    IReadOnlyList<ReportRevision> Revisions,
    IReadOnlyList<AuditEntry> Audit,
    DateOnly Deadline,
    DateOnly Today,
    string? ActionRefusal)
{
    public ReportCorrection? Correction => Copy as ReportCorrection;

    /// <summary>The report against its deadline, by the rule of <see cref="Latenesses.Of"/>.</summary>
    public Lateness Lateness => Latenesses.Of(Deadline, Report.PublishedOn, Today);

    /// <summary>The reviewers' decisions on warnings, of every round, oldest first.</summary>
    public IReadOnlyList<WarningDecision> Decisions { get; init; } = [];

    /// <summary>Whether the user may accept or send back warnings' explanations now.</summary>
    public bool CanDecideWarnings => CanReturn;

    /// <summary>The decisions on this warning made on the copy under review, newest first.</summary>
    public IEnumerable<WarningDecision> DecisionsOf(FindingView warning) =>
        Decisions.Where(d => d.CorrectionId == Correction?.Id && d.FindingKey == warning.Key).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id);

    /// <summary>Whether the user may take review steps (a reviewer of this subtree).</summary>
    public bool CanAct => ActionRefusal is null;

    public bool CanReturn => CanAct && Copy.Status == ReportStatus.Submitted;

    public bool CanApprove => CanAct && Copy.Status == ReportStatus.Submitted;

    public bool CanPublish => CanAct && Copy.Status == ReportStatus.Approved;

    public bool CanOpenCorrection => CanAct && Report.Status == ReportStatus.Published && Correction is null;

    /// <summary>The comments of each part on the copy under review, in the order of the report.</summary>
    public IEnumerable<IGrouping<string, ReviewComment>> CurrentComments =>
        Comments.Where(c => c.CorrectionId == Correction?.Id)
            .OrderBy(c => Order(c.Part)).ThenBy(c => c.CreatedAt)
            .GroupBy(c => c.Part);

    /// <summary>Comments made on earlier rounds (the first publication, or earlier corrections).</summary>
    public IEnumerable<ReviewComment> EarlierComments => Comments.Where(c => c.CorrectionId != Correction?.Id).OrderBy(c => c.CreatedAt);

    public string ContextOf(int? correctionId) =>
        correctionId is { } id && Corrections.FirstOrDefault(c => c.Id == id) is { } correction ? $"第 {correction.Number} 次更正" : "首次发布前的审核";

    private static int Order(string part) => ReportParts.All.ToList().IndexOf(part);
}

/// <summary>Builds the review page of one report for a reviewer of its subtree or an admin.</summary>
public sealed class ReportReviews(GovInfoDbContext db, ReviewWorkflow workflow, ReviewScopes scopes, ReportFindings findings, DeadlinePolicy deadlines,
    TimeProvider time)
{
    /// <summary>Audit entries shown on the page, newest first.</summary>
    public const int AuditShown = 200;

    /// <summary>Whether the user may read the review of this report: an admin, or a reviewer whose subtree holds it.</summary>
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, AnnualReport report, CancellationToken cancellationToken = default) =>
        (user.IsInRole(PortalRoles.Admin) || user.IsInRole(PortalRoles.Reviewer)) &&
        await scopes.ForAsync(user, cancellationToken) is { } scope && scope.Covers(report.Organization.Path);

    public async Task<ReviewView> ViewAsync(AnnualReport report, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var copy = report.UnderReview;
        var correction = copy as ReportCorrection;
        var lastYear = await findings.LastYearAsync(report, cancellationToken);
        var validation = findings.Validate(report, lastYear, copy, await findings.PeersAsync(report, copy, cancellationToken));
        var document = ReportDocument.From(copy, report.Organization);
        var body = new ReportBodyModel(document, copy.SignedBy);

        var submissions = await db.ReportSubmissions.AsNoTracking().Where(s => s.ReportId == report.Id)
            .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Number).ToListAsync(cancellationToken);
        var comments = await db.ReviewComments.AsNoTracking().Where(c => c.ReportId == report.Id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var corrections = await db.ReportCorrections.AsNoTracking().Where(c => c.ReportId == report.Id).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var revisions = await db.ReportRevisions.AsNoTracking().Where(v => v.ReportId == report.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var decisions = await db.WarningDecisions.AsNoTracking().Where(d => d.ReportId == report.Id).OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ReportId == report.Id)
            .OrderByDescending(a => a.Id).Take(AuditShown).ToListAsync(cancellationToken);

        var (yearOnYear, changedCells) = YearOnYear(copy, lastYear);
        var accepted = WarningDecision.AcceptedKeys(decisions, correction?.Id);
        return new ReviewView(report, copy, body, findings.Draft(report, validation, copy.WarningExplanations, accepted: accepted), lastYear, yearOnYear, changedCells,
            SinceLastSubmission(copy, submissions.Where(s => s.CorrectionId == correction?.Id).ToList()),
            correction is null ? null : new ChangeSet("更正内容", $"第 {correction.Number} 次更正的更正稿与现行第 {report.RevisionNumber} 版相比",
                ContentComparison.Compare(ContentSnapshot.Of(report), ContentSnapshot.Of(correction))),
            comments, submissions, corrections, revisions, audit,
            deadlines.DeadlineFor(report.Organization.Kind, report.Year), ClerkDates.Today(time),
            await workflow.RefusalAsync(user, report, cancellationToken))
        {
            Decisions = decisions,
        };
    }

    /// <summary>
    /// What changed since the last submission of this copy that is not its current state: after a return and a new
    /// submission, the previous submission against the current one; while the clerk is changing it, the last
    /// submission against the saved draft.
    /// </summary>
    private static ChangeSet? SinceLastSubmission(ReportWorkingCopy copy, IReadOnlyList<ReportSubmission> submissions)
    {
        var compared = copy.Status == ReportStatus.Submitted ? submissions.SkipLast(1).LastOrDefault() : submissions.LastOrDefault();
        if (compared is null || copy.Status is ReportStatus.Approved or ReportStatus.Published)
        {
            return null;
        }

        var between = copy.Status == ReportStatus.Submitted
            ? $"第 {compared.Number + 1} 次提交与第 {compared.Number} 次提交（{ClerkDates.Local(compared.SubmittedAt)}）相比"
            : $"当前保存的内容与第 {compared.Number} 次提交（{ClerkDates.Local(compared.SubmittedAt)}）相比";
        return new ChangeSet("自上次提交以来的修改", between, ContentComparison.Compare(ContentSnapshot.Of(compared.Document()), ContentSnapshot.Of(copy) with
        {
            Explanations = WarningExplanations.None,
        }));
    }

    /// <summary>Each table in the official layout with this year's figure and last year's beside it, differences marked.</summary>
    private static (IReadOnlyList<OfficialTableModel> Tables, int Changed) YearOnYear(ReportWorkingCopy copy, AnnualReport? lastYear) =>
        lastYear is null
            ? ([], 0)
            : TableComparison.Compare(copy.Format, copy.Table, lastYear.Format, lastYear.Table, "yoy-", "与上年对比：", "上年");
}
