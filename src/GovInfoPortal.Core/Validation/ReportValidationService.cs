using FluentValidation;
using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// All rules of a report, as one FluentValidation validator. Failures carry their <see cref="Finding"/>
/// in <c>CustomState</c>; <see cref="ReportValidationService"/> turns them into the public shape.
/// </summary>
public sealed class ReportValidator : AbstractValidator<ReportValidationContext>
{
    public ReportValidator(DeadlinePolicy deadlines)
    {
        Include(new ValueRules());
        Include(new ApplicationsRules());
        Include(new ReviewLitigationRules());
        Include(new CrossYearRules());
        Include(new PublicationRules(deadlines));
        Include(new NarrativeRules());
    }
}

/// <summary>
/// The validation service: pure code over the domain model, the same for the web form, the API, imports
/// and the command line. Thread-safe; register it as a singleton.
/// </summary>
public sealed class ReportValidationService
{
    private readonly ReportValidator _validator;

    public ReportValidationService(DeadlinePolicy? deadlines = null) =>
        _validator = new ReportValidator(deadlines ?? DeadlinePolicy.Default);

    public ValidationReport Validate(ReportValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = _validator.Validate(context);
        var findings = result.Errors.Select(failure => (Finding)failure.CustomState).ToArray();
        return ValidationReport.Of(findings);
    }

    public ValidationReport Validate(IReportContent report, IReportContent? lastYear = null) =>
        Validate(new ReportValidationContext(report, lastYear));
}
