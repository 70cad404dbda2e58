using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Core.Domain;

/// <summary>
/// A published version of a report that a correction replaced, kept as it was published: its content as a
/// <c>govinfo-annual-report/1</c> document, its publication date, 签发人 and secrecy review, and the date and
/// reason of the correction that replaced it. Revisions are made only by <see cref="AnnualReport.Publish"/> and
/// never change.
/// </summary>
public class ReportRevision
{
    private ReportRevision()
    {
        Content = string.Empty;
        SupersededReason = string.Empty;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>1 for the report as first published, 2 after the first correction …</summary>
    public int Number { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public string? SignedBy { get; private set; }

    /// <summary>Who confirmed the secrecy review (保密审查) before this version was published, when recorded.</summary>
    public string? SecrecyReviewedBy { get; private set; }

    public DateTime? SecrecyReviewedAt { get; private set; }

    /// <summary>The content as published, in the interchange format.</summary>
    public string Content { get; private set; }

    /// <summary>The content fingerprint this version was published with (<see cref="ReportFingerprint"/>).</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>When the correction that replaced this version was published.</summary>
    public DateOnly SupersededOn { get; private set; }

    /// <summary>Why it was corrected.</summary>
    public string SupersededReason { get; private set; }

    /// <summary>The correction that replaced this version.</summary>
    public int? SupersededById { get; private set; }

    public ReportCorrection? SupersededBy { get; private set; }

    public DateTime ArchivedAt { get; private set; }

    /// <summary>The version as published, read back from <see cref="Content"/>, with its 签发人.</summary>
    public ReportDocument Document() =>
        (ReportDocumentReader.Read(Content).Document ?? throw new InvalidOperationException($"Revision {Id} holds no readable document."))
        with { SignedBy = SignedBy, Fingerprint = Fingerprint };

    /// <summary>The report's published content as it stands, before <paramref name="correction"/> replaces it.</summary>
    internal static ReportRevision Archive(AnnualReport report, ReportCorrection correction, DateOnly supersededOn, DateTime utcNow)
    {
        var organization = report.Organization
            ?? throw new InvalidOperationException("Load the report's organization before publishing a correction.");
        var document = ReportDocument.From(report, organization);
        return new ReportRevision
        {
            ReportId = report.Id,
            Number = report.RevisionNumber,
            PublishedOn = report.PublishedOn,
            SignedBy = report.SignedBy,
            SecrecyReviewedBy = report.SecrecyReviewedBy,
            SecrecyReviewedAt = report.SecrecyReviewedAt,
            Content = ReportDocumentWriter.Write(document, indented: false),
            Fingerprint = report.Fingerprint ?? ReportFingerprint.Of(document),
            SupersededOn = supersededOn,
            SupersededReason = correction.Reason,
            SupersededBy = correction,
            SupersededById = correction.Id == 0 ? null : correction.Id,
            ArchivedAt = utcNow,
        };
    }
}
