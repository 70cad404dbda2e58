namespace GovInfoPortal.Core.Domain;

/// <summary>
/// A correction of a published report: the reason a reviewer gave, and a working copy of the content that the
/// clerk edits and that goes through review again (Draft → Submitted → (Returned → Submitted)* → Approved).
/// While it is worked on, the report stays published with its current content; publishing the correction
/// archives that content as a <see cref="ReportRevision"/> and makes the correction's content the report's.
/// Opened through <see cref="AnnualReport.OpenCorrection"/>.
/// </summary>
public class ReportCorrection : ReportWorkingCopy
{
    public const int ReasonMaxLength = 500;

    private ReportCorrection()
    {
        Reason = string.Empty;
        OpenedByName = string.Empty;
    }

    internal ReportCorrection(AnnualReport report, int number, string reason, Actor openedBy, DateTime utcNow)
        : this()
    {
        Report = report;
        ReportId = report.Id;
        Number = number;
        Reason = reason;
        OpenedById = openedBy.UserId;
        OpenedByName = openedBy.Name.Length > Actor.NameMaxLength ? openedBy.Name[..Actor.NameMaxLength] : openedBy.Name;
        OpenedAt = utcNow;
        Status = ReportStatus.Draft;
        CopyFrom(report);
        Touch(utcNow);
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public AnnualReport Report { get; private set; } = null!;

    /// <summary>1 for the report's first correction, 2 for the second …</summary>
    public int Number { get; private set; }

    /// <summary>Why the published report is corrected, as the public page lists it.</summary>
    public string Reason { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public string? OpenedById { get; private set; }

    public string OpenedByName { get; private set; }

    /// <summary>Whether the correction is still being worked on (not yet published).</summary>
    public bool IsOpen => Status != ReportStatus.Published;

    public override bool IsCorrection => true;

    /// <summary>The revision this correction becomes once published: the first correction makes the second revision.</summary>
    public int RevisionNumber => Number + 1;
}
