using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// What the validator looks at: the report, last year's report of the same organization when known, the
/// report's deadline when known, and today's date for a report still in the workflow (so that an
/// unpublished report past its deadline is found late). Rules that need a missing piece do not run.
/// </summary>
public sealed record ReportValidationContext(
    IReportContent Report,
    IReportContent? LastYear = null,
    DateOnly? Deadline = null,
    DateOnly? Today = null);
