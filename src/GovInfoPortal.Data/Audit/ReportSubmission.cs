using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Data.Audit;

/// <summary>
/// The content of a report (or of a correction) as it was submitted for review, one per submission, so that the
/// reviewer sees what changed since the last submission after a return. Written by <see cref="AuditStep"/>
/// with the submission; never changed.
/// </summary>
public class ReportSubmission
{
    private ReportSubmission()
    {
        Content = string.Empty;
        SubmittedByName = string.Empty;
    }

    public ReportSubmission(int reportId, int? correctionId, int number, Actor submittedBy, DateTime submittedAt, ReportDocument content)
        : this()
    {
        ArgumentNullException.ThrowIfNull(submittedBy);
        ArgumentNullException.ThrowIfNull(content);
        ReportId = reportId;
        CorrectionId = correctionId;
        Number = number;
        SubmittedById = submittedBy.UserId;
        SubmittedByName = submittedBy.Name.Length > Actor.NameMaxLength ? submittedBy.Name[..Actor.NameMaxLength] : submittedBy.Name;
        SubmittedAt = submittedAt;
        SignedBy = content.SignedBy;
        Content = ReportDocumentWriter.Write(content, indented: false);
    }

    public long Id { get; private set; }

    public int ReportId { get; private set; }

    public int? CorrectionId { get; private set; }

    /// <summary>1 for the first submission of the report (or of the correction), 2 for the one after the first return …</summary>
    public int Number { get; private set; }

    public string? SubmittedById { get; private set; }

    public string SubmittedByName { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public string? SignedBy { get; private set; }

    /// <summary>The content as submitted, in the interchange format.</summary>
    public string Content { get; private set; }

    public ReportDocument Document() =>
        (ReportDocumentReader.Read(Content).Document ?? throw new InvalidOperationException($"Submission {Id} holds no readable document."))
        with { SignedBy = SignedBy };
}
