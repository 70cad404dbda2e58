using System.Security.Claims;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data;
using GovInfoPortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Clerk;

/// <summary>A report the user may read, with what else the user may do with it.</summary>
public sealed record OpenedReport(AnnualReport Report, ReportPermissions Permissions);

/// <summary>What the editor page shows: the report, the fields as typed, their findings, and last year's report for reference.</summary>
public sealed record EditorView(AnnualReport Report, DraftInput Input, DraftFindings Findings, AnnualReport? LastYear, IReadOnlyList<ReviewComment> Comments)
{
    public FormatDefinition Definition => FormatDefinition.For(Report.Format);

    /// <summary>What is edited: the report, or the open correction of a published report.</summary>
    public ReportWorkingCopy Copy => Report.UnderReview;

    /// <summary>Whether the clerk asked for the whole check (empty cells as errors too), as before a submission.</summary>
    public bool FullCheck { get; init; }

    /// <summary>The findings the page marks: all of them in the full check, else all but the empty cells and parts.</summary>
    public DraftFindings Shown => FullCheck ? Findings : Findings.WithoutToFill();
}

public enum DraftOutcomeKind
{
    Done,

    /// <summary>Someone saved the report since the clerk opened it: nothing was saved.</summary>
    Conflict,

    /// <summary>The input or the report's state does not allow it: nothing was saved.</summary>
    Refused,
}

/// <summary>What a save, submission or import did, with zh-CN messages and the report's version afterwards.</summary>
public sealed record DraftOutcome(DraftOutcomeKind Kind, IReadOnlyList<string> Messages, int Version, DraftFindings Findings)
{
    public bool Succeeded => Kind == DraftOutcomeKind.Done;
}

/// <summary>
/// The clerk's work on one report: open it (through <see cref="ReportAccess"/>), check what is typed, save
/// the draft, submit it, import a document into it. Every change is based on the version the clerk opened:
/// a change based on an older version is refused instead of overwriting (optimistic concurrency).
/// </summary>
public sealed class DraftEditor(GovInfoDbContext db, ReportAccess access, ReportFindings findings, TimeProvider time, ILogger<DraftEditor> logger)
{
    public const string ConflictMessage =
        "该报告已被他人修改（可能是同一机关的其他填报员，或您在另一个窗口中保存过），您这次的修改没有保存。您填写的内容仍留在本页，并已暂存在本机浏览器中；请刷新页面查看最新内容，再决定是否恢复您的内容。";

    /// <summary>The report if the user may read it (with the organization and its parent), else null.</summary>
    public async Task<OpenedReport?> OpenAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var report = await db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent)
            .Include(r => r.Corrections.Where(c => c.Status != ReportStatus.Published))
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var permissions = await access.ForAsync(user, report, cancellationToken);
        return permissions.Read ? new OpenedReport(report, permissions) : null;
    }

    public async Task<EditorView> ViewAsync(AnnualReport report, DraftInput input, CancellationToken cancellationToken = default)
    {
        var lastYear = await findings.LastYearAsync(report, cancellationToken);
        var correctionId = report.CurrentCorrection?.Id;
        var comments = await db.ReviewComments.AsNoTracking()
            .Where(c => c.ReportId == report.Id && c.CorrectionId == correctionId)
            .OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        return new EditorView(report, input, await CheckAsync(report, input, lastYear, cancellationToken), lastYear, comments);
    }

    /// <summary>The findings of what is typed, without saving anything: input problems, then errors, then warnings.</summary>
    public async Task<DraftFindings> CheckAsync(AnnualReport report, DraftInput input, CancellationToken cancellationToken = default) =>
        await CheckAsync(report, input, await findings.LastYearAsync(report, cancellationToken), cancellationToken);

    private async Task<DraftFindings> CheckAsync(AnnualReport report, DraftInput input, AnnualReport? lastYear, CancellationToken cancellationToken)
    {
        var parsed = input.Parse(report.Year, report.Format);
        var peers = await findings.PeersAsync(report, parsed.Content, cancellationToken);
        return findings.Draft(report, findings.Validate(report, lastYear, parsed.Content, peers), parsed.Explanations, parsed.Problems);
    }

    /// <summary>Saves what is typed as the draft, errors and warnings included; refuses input it cannot store and stale versions.</summary>
    public async Task<DraftOutcome> SaveAsync(AnnualReport report, DraftInput input, string userName, CancellationToken cancellationToken = default)
    {
        var parsed = input.Parse(report.Year, report.Format);
        var current = await CheckAsync(report, input, cancellationToken);
        var copy = report.UnderReview;
        if (Refusal(copy, input.Version, current) is { } refused)
        {
            return refused;
        }

        if (!parsed.IsValid)
        {
            return new DraftOutcome(DraftOutcomeKind.Refused,
                [$"有 {parsed.Problems.Count} 处填写无法保存（见检查结果中标出的单元格），本次没有保存任何内容，请改正后再保存。"], copy.Version, current);
        }

        var content = parsed.Content;
        return await CommitAsync(copy, input.Version!.Value, current, "草稿已保存。",
            () => copy.UpdateDraft(content.Sections, content.ActiveDisclosure, content.Applications, content.ReviewLitigation,
                parsed.SignedBy, parsed.Explanations, time.GetUtcNow().UtcDateTime),
            () => logger.LogInformation("Report {ReportId} draft saved by {UserName}", report.Id, userName), cancellationToken);
    }

    /// <summary>Submits the stored report for review: refused while errors remain, a warning lacks its explanation or 签发人 is missing.</summary>
    public async Task<DraftOutcome> SubmitAsync(AnnualReport report, int? version, string userName, CancellationToken cancellationToken = default)
    {
        var validation = await findings.ValidateAsync(report, cancellationToken);
        var copy = report.UnderReview;
        var current = findings.Draft(report, validation, copy.WarningExplanations);
        if (Refusal(copy, version, current) is { } refused)
        {
            return refused;
        }

        if (copy.SubmissionProblems(validation) is { Count: > 0 } problems)
        {
            return new DraftOutcome(DraftOutcomeKind.Refused, problems, copy.Version, current);
        }

        return await CommitAsync(copy, version!.Value, current, $"{copy.Noun}已提交审核。提交后不能再修改，如审核退回可继续修改。",
            () => copy.Submit(validation, time.GetUtcNow().UtcDateTime),
            () => logger.LogInformation("Report {ReportId} submitted by {UserName}", report.Id, userName), cancellationToken);
    }

    /// <summary>
    /// Replaces the draft's narrative and tables with a <c>govinfo-annual-report/1</c> document of the same
    /// organization, year and format: all of it, or nothing when the document is unreadable or does not fit.
    /// 签发人 and the warning explanations stay.
    /// </summary>
    public async Task<DraftOutcome> ImportAsync(AnnualReport report, Stream document, int? version, string userName, CancellationToken cancellationToken = default)
    {
        var copy = report.UnderReview;
        if (Refusal(copy, version, DraftFindings.None) is { } refused)
        {
            return refused;
        }

        var read = await ReportDocumentReader.ReadAsync(document, ClerkDates.Today(time), cancellationToken);
        if (read.Document is not { } imported)
        {
            return new DraftOutcome(DraftOutcomeKind.Refused, [.. read.Errors.Select(e => $"文件不符合 {ReportDocument.SchemaId} 格式：{e}")], copy.Version, DraftFindings.None);
        }

        if (Mismatches(report, imported) is { Count: > 0 } mismatches)
        {
            return new DraftOutcome(DraftOutcomeKind.Refused, mismatches, copy.Version, DraftFindings.None);
        }

        var outcome = await CommitAsync(copy, version!.Value, DraftFindings.None, "已导入文件中的报告内容，请检查下方标出的问题。",
            () => copy.ReplaceContent(imported, null, TableRow.Empty, time.GetUtcNow().UtcDateTime),
            () => logger.LogInformation("Report {ReportId} content imported by {UserName}", report.Id, userName), cancellationToken);
        return outcome.Succeeded ? outcome with { Findings = findings.Draft(report, await findings.ValidateAsync(report, cancellationToken), copy.WarningExplanations) } : outcome;
    }

    private static List<string> Mismatches(AnnualReport report, ReportDocument imported)
    {
        var mismatches = new List<string>();
        if (imported.Year != report.Year)
        {
            mismatches.Add($"文件是 {imported.Year} 年度的报告，本报告是 {report.Year} 年度，未导入。");
        }

        if (imported.Format != report.Format)
        {
            mismatches.Add($"文件使用{imported.Format.DisplayName()}，{report.Year} 年度报告应使用{report.Format.DisplayName()}，未导入。");
        }

        var organization = report.Organization;
        var sameBody = imported.Organization.Code is { Length: > 0 } code && organization.Code is not null
            ? code == organization.Code
            : imported.Organization.Name == organization.Name;
        if (!sameBody)
        {
            mismatches.Add($"文件中的机关“{imported.Organization.Name}”{(imported.Organization.Code is { } c ? $"（代码 {c}）" : string.Empty)}不是本报告的机关“{organization.Name}”，未导入。");
        }

        return mismatches;
    }

    private static DraftOutcome? Refusal(ReportWorkingCopy copy, int? version, DraftFindings current)
    {
        if (!copy.IsEditable)
        {
            return new DraftOutcome(DraftOutcomeKind.Refused, [$"{copy.Noun}当前状态为“{copy.Status.DisplayName()}”，不能修改。"], copy.Version, current);
        }

        return version == copy.Version ? null : new DraftOutcome(DraftOutcomeKind.Conflict, [ConflictMessage], copy.Version, current);
    }

    /// <summary>Applies a change based on <paramref name="version"/> and saves it, unless the stored report moved on meanwhile.</summary>
    private async Task<DraftOutcome> CommitAsync(ReportWorkingCopy copy, int version, DraftFindings current, string message, Action change, Action logDone,
        CancellationToken cancellationToken)
    {
        // The update's WHERE carries the version the clerk started from, so a save that raced ours matches no row.
        db.Entry(copy).Property(r => r.Version).OriginalValue = version;
        change();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new DraftOutcome(DraftOutcomeKind.Conflict, [ConflictMessage], version, current);
        }

        logDone();
        return new DraftOutcome(DraftOutcomeKind.Done, [message], copy.Version, current);
    }
}
