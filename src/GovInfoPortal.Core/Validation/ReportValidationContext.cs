using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// What the validator looks at: the report; last year's report of the same organization when known; the
/// report's deadline (given, or derived from the organization's kind); and, for a report still in the
/// workflow, today's date, so that an unpublished report past its deadline is found late. A rule that
/// needs a piece that is not known does not run. <see cref="Peers"/>: other bodies' reports of the year to compare
/// the narrative with (<c>narrative.copiedFromPeer</c>).
/// </summary>
public sealed record ReportValidationContext(
    IReportContent Report,
    IReportContent? LastYear = null,
    DateOnly? Deadline = null,
    DateOnly? Today = null,
    OrganizationKind? OrganizationKind = null,
    PeerComparison? Peers = null);
