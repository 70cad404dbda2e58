namespace GovInfoPortal.Core.Interchange;

/// <summary>
/// One published version of a report, as verifying a download names it: the body, the year, the version's number
/// (1 as first published, higher after corrections), whether it is the current version, its publication date and
/// fingerprint, and its document (for re-rendering a download of it).
/// </summary>
public sealed record PublishedVersion(string OrganizationName, string? OrganizationCode, int OrganizationId, int Year, int Number,
    bool Current, DateOnly? PublishedOn, string Fingerprint, ReportDocument Document);
