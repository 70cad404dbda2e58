using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Interchange;

/// <summary>The organization a document is about, as the interchange format names it.</summary>
/// <param name="Parent">The parent organization's name, or null.</param>
/// <param name="Kind">The kind, when the document states it (<c>government</c>, <c>department</c>, <c>township</c>).</param>
public sealed record OrganizationRef(string Name, string? Code = null, string? Parent = null, OrganizationKind? Kind = null)
{
    /// <summary>The kind as stated, else guessed from the name.</summary>
    public OrganizationKind EffectiveKind => Kind ?? OrganizationKinds.FromName(Name);

    /// <summary>How a batch matches reports of the same organization: the code, or the name when there is no code.</summary>
    public string Identity => Code is { Length: > 0 } code ? "code:" + code : "name:" + Name;
}

/// <summary>One report in the interchange format <c>govinfo-annual-report/1</c>.</summary>
public sealed record ReportDocument : IReportContent
{
    public const string SchemaId = "govinfo-annual-report/1";

    public required OrganizationRef Organization { get; init; }

    public required int Year { get; init; }

    public required ReportFormat Format { get; init; }

    public DateOnly? PublishedOn { get; init; }

    public ReportSections Sections { get; init; } = ReportSections.Empty;

    public ReportTable ActiveDisclosure { get; init; } = ReportTable.Empty;

    public ReportTable Applications { get; init; } = ReportTable.Empty;

    public ReportTable ReviewLitigation { get; init; } = ReportTable.Empty;

    /// <summary>Legacy reports: the archived document's file name.</summary>
    public string? Document { get; init; }

    /// <summary>Legacy reports: headline figures by name.</summary>
    public TableRow LegacyFigures { get; init; } = TableRow.Empty;

    /// <summary>
    /// 签发人 of a stored report, for the renderings that print it (PDF, Word). Not part of the interchange
    /// format: the writer leaves it out and the reader never sets it.
    /// </summary>
    public string? SignedBy { get; init; }

    /// <summary>
    /// The fingerprint of the published version this document is (<see cref="ReportFingerprint"/>), as the portal's
    /// downloads state it; a document read from elsewhere may state any. Not part of the canonical form.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>The document of a stored report.</summary>
    public static ReportDocument FromReport(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return From(report, report.Organization
            ?? throw new InvalidOperationException("Load the report's organization before exporting it.")) with { Fingerprint = report.Fingerprint };
    }

    /// <summary>The document of a report's working copy (the report itself, or a correction of it) of this organization.</summary>
    public static ReportDocument From(ReportWorkingCopy report, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(organization);
        return new ReportDocument
        {
            Organization = new OrganizationRef(organization.Name, organization.Code, organization.Parent?.Name, organization.Kind),
            Year = report.Year,
            Format = report.Format,
            PublishedOn = report.PublishedOn,
            Sections = report.Sections,
            ActiveDisclosure = report.ActiveDisclosure,
            Applications = report.Applications,
            ReviewLitigation = report.ReviewLitigation,
            Document = report.LegacyDocument,
            LegacyFigures = report.LegacyFigures,
            SignedBy = report.SignedBy,
        };
    }
}

/// <summary>What is wrong with a document, and where: a JSONPath (<c>$.applications.granted.total</c>) and a zh-CN message.</summary>
public sealed record DocumentError(string Path, string Message)
{
    public override string ToString() => $"{Path}：{Message}";
}

/// <summary>The outcome of reading a document: the document, or every error found (never both).</summary>
public sealed record DocumentReadResult(ReportDocument? Document, IReadOnlyList<DocumentError> Errors)
{
    public bool Success => Document is not null;
}
