using System.Security.Claims;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Totals;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Review;

public enum ReviewOutcomeKind
{
    Done,

    /// <summary>No such report.</summary>
    NotFound,

    /// <summary>The user may not take this step on this report (not a reviewer, outside the subtree).</summary>
    Forbidden,

    /// <summary>Someone changed the report since the reviewer opened it: nothing was done.</summary>
    Conflict,

    /// <summary>The step is not allowed in the report's state, or the input is incomplete: nothing was done.</summary>
    Refused,
}

/// <summary>What a review step did, with a zh-CN message for the page or the API.</summary>
public sealed record ReviewOutcome(ReviewOutcomeKind Kind, string Message)
{
    public bool Succeeded => Kind == ReviewOutcomeKind.Done;
}

/// <summary>What a reviewer asks for, from a form or the API.</summary>
public sealed record ReturnRequest(string? Part, string? Comment, int? Version);

public sealed record PublishRequest(DateOnly? PublishedOn, bool SecrecyReviewConfirmed, int? Version);

public sealed record CorrectionRequest(string? Reason, int? Version);

public sealed record CommentRequest(string? Part, string? Text);

/// <summary>A decision on a warning: its key (<see cref="WarningExplanations.KeyOf"/>), <c>accept</c> or <c>sendBack</c>, the reason.</summary>
public sealed record WarningDecisionRequest(string? Key, string? Decision, string? Reason, int? Version);

/// <summary>
/// The reviewer's steps on one report — return with a comment, approve, publish, open a correction, comment —
/// for the review page and the API alike. Each step checks the role (reviewers only: admins read, clerks fill in)
/// and the subtree, applies the aggregate's workflow method to the copy under review, and saves only if nobody
/// changed the report meanwhile. Reviewers never change the content.
/// </summary>
public sealed class ReviewWorkflow(GovInfoDbContext db, ReviewScopes scopes, ReportFindings findings, TimeProvider time, ILogger<ReviewWorkflow> logger)
{
    public const string ConflictMessage = "该报告刚刚被他人修改或处理过，您这次的操作没有执行。请刷新页面，查看最新内容后再操作。";

    /// <summary>The report with its organization (and parent) and its open correction, or null.</summary>
    public Task<AnnualReport?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent)
            .Include(r => r.Corrections.Where(c => c.Status != ReportStatus.Published))
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Why the user may not take review steps on this report (zh-CN), or null when they may.</summary>
    public async Task<string?> RefusalAsync(ClaimsPrincipal user, AnnualReport report, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(PortalRoles.Reviewer))
        {
            return "只有审核员可以退回、审核通过、发布和更正报告。";
        }

        var scope = await scopes.ForAsync(user, cancellationToken);
        return scope is not null && scope.Covers(report.Organization.Path)
            ? null
            : $"“{report.Organization.Name}”不在您的审核范围内，您不能审核它的报告。";
    }

    public Task<ReviewOutcome> ReturnAsync(int id, ClaimsPrincipal user, ReturnRequest request, CancellationToken cancellationToken = default) =>
        StepAsync(id, user, request.Version, (report, reviewer, now) =>
        {
            report.Return(string.IsNullOrWhiteSpace(request.Part) ? ReportParts.General : request.Part, request.Comment ?? string.Empty, reviewer, now);
            return $"已退回{Noun(report)}，填报员将在填报页面看到您的意见。";
        }, "returned", cancellationToken);

    public Task<ReviewOutcome> ApproveAsync(int id, ClaimsPrincipal user, int? version, CancellationToken cancellationToken = default) =>
        StepAsync(id, user, version, (report, _, now) =>
        {
            report.Approve(now);
            return $"{Noun(report)}已审核通过，确认保密审查后即可发布。";
        }, "approved", cancellationToken);

    public Task<ReviewOutcome> PublishAsync(int id, ClaimsPrincipal user, PublishRequest request, CancellationToken cancellationToken = default) =>
        StepAsync(id, user, request.Version, (report, reviewer, now) =>
        {
            var correction = report.CurrentCorrection;
            report.Publish(request.PublishedOn ?? ClerkDates.Today(time), request.SecrecyReviewConfirmed, reviewer, now);
            return correction is null
                ? "报告已发布，公众现在可以在报告页面查阅。"
                : $"第 {correction.Number} 次更正已发布：报告页面显示第 {report.RevisionNumber} 版，并公开列出更正日期和原因，此前各版仍可查阅。";
        }, "published", cancellationToken);

    public Task<ReviewOutcome> OpenCorrectionAsync(int id, ClaimsPrincipal user, CorrectionRequest request, CancellationToken cancellationToken = default) =>
        StepAsync(id, user, request.Version, (report, reviewer, now) =>
        {
            var correction = report.OpenCorrection(request.Reason ?? string.Empty, reviewer, now);
            return $"已发起第 {correction.Number} 次更正。填报员修改更正稿并提交后，更正稿按原流程审核；更正发布前，公众看到的仍是现行版本。";
        }, "correction opened", cancellationToken, versionOfReport: true);

    public Task<ReviewOutcome> CommentAsync(int id, ClaimsPrincipal user, CommentRequest request, CancellationToken cancellationToken = default) =>
        StepAsync(id, user, null, (report, reviewer, now) =>
        {
            report.Comment(request.Part ?? string.Empty, request.Text ?? string.Empty, reviewer, now);
            return "意见已保存，填报员将在填报页面看到。";
        }, "commented", cancellationToken);

    /// <summary>
    /// Accepts a warning's explanation, or sends it back (the copy is returned to the clerk with the reason). The warning
    /// is looked up among the current findings of the copy under review, so a warning that went away cannot be decided.
    /// </summary>
    public async Task<ReviewOutcome> DecideWarningAsync(int id, ClaimsPrincipal user, WarningDecisionRequest request, CancellationToken cancellationToken = default)
    {
        WarningDecisionKind? kind = request.Decision switch
        {
            "accept" => WarningDecisionKind.Accepted,
            "sendBack" => WarningDecisionKind.SentBack,
            _ => null,
        };
        // Who may decide comes first: a clerk or a reviewer of another subtree learns nothing from the request's content.
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return new ReviewOutcome(ReviewOutcomeKind.NotFound, "找不到该报告。");
        }

        if (await RefusalAsync(user, report, cancellationToken) is { } refusal)
        {
            return new ReviewOutcome(ReviewOutcomeKind.Forbidden, refusal);
        }

        if (kind is not { } decision)
        {
            return new ReviewOutcome(ReviewOutcomeKind.Refused, "请选择接受或退回该警告的说明。");
        }

        var warning = (await findings.ValidateAsync(report, cancellationToken)).Warnings.FirstOrDefault(w => WarningExplanations.KeyOf(w) == request.Key);
        return await StepAsync(id, user, request.Version, (loaded, reviewer, now) =>
        {
            if (warning is null)
            {
                throw new ReportWorkflowException("该警告已不在检查结果中（内容可能已改变），请刷新页面后再操作。");
            }

            loaded.DecideWarning(warning, decision, request.Reason ?? string.Empty, reviewer, now);
            return decision == WarningDecisionKind.Accepted
                ? "已接受该警告的说明，决定和理由已记入审核记录。"
                : $"已退回该警告的说明，{Noun(loaded)}已退回填报员修改。";
        }, decision == WarningDecisionKind.Accepted ? "warning accepted" : "warning sent back", cancellationToken);
    }

    public static string Date(DateOnly date) => ChineseDates.Date(date);

    private static string Noun(AnnualReport report) => report.CurrentCorrection is { } correction ? $"第 {correction.Number} 次更正的更正稿" : "报告";

    private async Task<ReviewOutcome> StepAsync(int id, ClaimsPrincipal user, int? version, Func<AnnualReport, Actor, DateTime, string> step, string logged,
        CancellationToken cancellationToken, bool versionOfReport = false)
    {
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return new ReviewOutcome(ReviewOutcomeKind.NotFound, "找不到该报告。");
        }

        if (await RefusalAsync(user, report, cancellationToken) is { } refusal)
        {
            return new ReviewOutcome(ReviewOutcomeKind.Forbidden, refusal);
        }

        // The version the reviewer saw: of the copy under review, or of the report itself for opening a correction.
        var copy = versionOfReport ? report : report.UnderReview;
        if (version is { } seen)
        {
            if (seen != copy.Version)
            {
                return new ReviewOutcome(ReviewOutcomeKind.Conflict, ConflictMessage);
            }

            db.Entry(copy).Property(c => c.Version).OriginalValue = seen;
        }

        string message;
        try
        {
            message = step(report, new Actor(user.UserIdOf(), user.DisplayNameOf()), time.GetUtcNow().UtcDateTime);
        }
        catch (ReportWorkflowException ex)
        {
            return new ReviewOutcome(ReviewOutcomeKind.Refused, ex.Message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsDuplicate(ex))
        {
            db.ChangeTracker.Clear();
            return new ReviewOutcome(ReviewOutcomeKind.Conflict, ConflictMessage);
        }

        logger.LogInformation("Report {ReportId} {Step} by {UserName}", report.Id, logged, user.Identity?.Name);
        return new ReviewOutcome(ReviewOutcomeKind.Done, message);
    }

    /// <summary>Two corrections opened at once: the second breaks the unique correction number.</summary>
    private static bool IsDuplicate(DbUpdateException ex) => ex.InnerException is not null && ex is not DbUpdateConcurrencyException &&
        ex.Entries.Any(e => e.Entity is ReportCorrection);
}
