using FluentValidation;
using FluentValidation.Results;
using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// All rules of a report as one FluentValidation validator: each group of rules is one rule whose failures
/// carry the <see cref="Finding"/> they stand for in <c>CustomState</c>. The figures are read once per
/// validation and shared by the groups.
/// </summary>
public sealed class ReportValidator : AbstractValidator<ReportValidationContext>
{
    private const string InputKey = "govinfo.input";

    public ReportValidator(DeadlinePolicy deadlines)
    {
        IFindingRules[] groups =
        [
            new ValueRules(),
            new ApplicationsRules(),
            new ReviewLitigationRules(),
            new CrossYearRules(),
            new PublicationRules(deadlines),
            new NarrativeRules(),
            new NarrativeFigureRules(),
            new PartContentRules(),
            new PlausibilityRules(),
            new PeerRules(),
        ];

        foreach (var group in groups)
        {
            RuleFor(context => context.Report).Custom((_, validation) =>
            {
                var input = Input(validation);
                foreach (var finding in RuleFailure.Guard(group, input))
                {
                    validation.AddFailure(new ValidationFailure(finding.Table ?? string.Empty, finding.Message)
                    {
                        ErrorCode = finding.Rule,
                        Severity = finding.IsError ? Severity.Error : Severity.Warning,
                        CustomState = finding,
                    });
                }
            });
        }
    }

    private static ValidationInput Input(ValidationContext<ReportValidationContext> validation)
    {
        if (validation.RootContextData.TryGetValue(InputKey, out var existing))
        {
            return (ValidationInput)existing;
        }

        var input = new ValidationInput(validation.InstanceToValidate);
        validation.RootContextData[InputKey] = input;
        return input;
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
        var findings = new Finding[result.Errors.Count];
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i] = (Finding)result.Errors[i].CustomState;
        }

        return ValidationReport.Of(findings);
    }

    public ValidationReport Validate(IReportContent report, IReportContent? lastYear = null) =>
        Validate(new ReportValidationContext(report, lastYear));
}
