using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// What the validator looks at: the report; last year's report of the same organization when known; the
/// report's deadline (given, or derived from the organization's kind); and, for a report still in the
/// workflow, today's date, so that an unpublished report past its deadline is found late; the
/// organization's name and code (the plausibility rules read a people's government's level from them);
/// the content rules' settings of the organization's subtree (the shipped default when null); and
/// <see cref="Peers"/>, other bodies' reports of the year to compare the narrative with
/// (<c>narrative.copiedFromPeer</c>). A rule that needs a piece that is not known does not run.
/// </summary>
public sealed record ReportValidationContext(
    IReportContent Report,
    IReportContent? LastYear = null,
    DateOnly? Deadline = null,
    DateOnly? Today = null,
    OrganizationKind? OrganizationKind = null,
    string? OrganizationName = null,
    string? OrganizationCode = null,
    ContentRuleSettings? ContentRules = null,
    PeerComparison? Peers = null);
