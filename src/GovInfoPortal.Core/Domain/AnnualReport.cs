using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;

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
/// One organization's report for one year. Its status changes only through the workflow methods; its
/// content only while it is a draft (or returned). Values are kept as stated, totals included.
/// </summary>
public class AnnualReport : IReportContent
{
    public const int SignedByMaxLength = 50;
    public const int DocumentNameMaxLength = 255;

    private AnnualReport()
    {
        Sections = ReportSections.Empty;
        ActiveDisclosure = ReportTable.Empty;
        Applications = ReportTable.Empty;
        ReviewLitigation = ReportTable.Empty;
        LegacyFigures = TableRow.Empty;
        WarningExplanations = WarningExplanations.None;
    }

    /// <summary>Starts the year's report as a draft, in the format of its year.</summary>
    public static AnnualReport Start(Organization organization, int year, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (year is < ReportFormats.MinYear or > ReportFormats.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year out of range.");
        }

        return new AnnualReport
        {
            Organization = organization,
            OrganizationId = organization.Id,
            Year = year,
            Format = ReportFormats.ForYear(year),
            Status = ReportStatus.Draft,
            CreatedAt = utcNow,
            UpdatedAt = utcNow,
        };
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
        }

        return report;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; } = null!;

    public int Year { get; private set; }

    public ReportFormat Format { get; private set; }

    public ReportStatus Status { get; private set; }

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

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>The clerk's explanations of the report's warnings, required for each warning at submission.</summary>
    public WarningExplanations WarningExplanations { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Grows with every change; an edit based on an older version loses the race instead of overwriting.</summary>
    public int Version { get; private set; }

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

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
        Sections = content.Sections;
        ActiveDisclosure = content.ActiveDisclosure;
        Applications = content.Applications;
        ReviewLitigation = content.ReviewLitigation;
        LegacyDocument = legacyDocument;
        LegacyFigures = legacyFigures;
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

    /// <summary>Draft or Returned → Submitted. The caller has checked that no error finding remains.</summary>
    public void Submit(DateTime utcNow)
    {
        if (!IsEditable)
        {
            throw new ReportWorkflowException($"报告当前状态为“{Status.DisplayName()}”，不能提交。");
        }

        if (string.IsNullOrWhiteSpace(SignedBy) && Format != ReportFormat.Legacy)
        {
            throw new ReportWorkflowException("提交前请填写签发人。");
        }

        Move(ReportStatus.Submitted, utcNow);
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
            problems.Add($"报告当前状态为“{Status.DisplayName()}”，不能提交。");
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

        Submit(utcNow);
    }

    public void Return(DateTime utcNow) => Step(ReportStatus.Submitted, ReportStatus.Returned, "退回", utcNow);

    public void Approve(DateTime utcNow) => Step(ReportStatus.Submitted, ReportStatus.Approved, "审核通过", utcNow);

    public void Publish(DateOnly publishedOn, DateTime utcNow)
    {
        Step(ReportStatus.Approved, ReportStatus.Published, "发布", utcNow);
        PublishedOn = publishedOn;
    }

    private void Step(ReportStatus from, ReportStatus to, string action, DateTime utcNow)
    {
        if (Status != from)
        {
            throw new ReportWorkflowException($"报告当前状态为“{Status.DisplayName()}”，不能{action}。");
        }

        Move(to, utcNow);
    }

    private void Move(ReportStatus to, DateTime utcNow)
    {
        Status = to;
        Touch(utcNow);
    }

    private void EnsureEditable()
    {
        if (Status == ReportStatus.Published)
        {
            throw new ReportWorkflowException("已发布的报告不能直接修改，请通过更正流程。");
        }

        if (!IsEditable)
        {
            throw new ReportWorkflowException($"报告当前状态为“{Status.DisplayName()}”，不能修改。");
        }
    }

    private void Touch(DateTime utcNow)
    {
        UpdatedAt = utcNow;
        Version++;
    }
}
