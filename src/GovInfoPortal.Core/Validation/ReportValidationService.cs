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
        foreach (var group in Groups(deadlines))
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

    /// <summary>The groups of rules, in the order their findings are reported.</summary>
    internal static IFindingRules[] Groups(DeadlinePolicy deadlines) =>
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
/// and the command line. Thread-safe; register it as a singleton. It runs the groups of
/// <see cref="ReportValidator"/> directly, in the same order and with the same guard, without
/// FluentValidation's per-rule machinery: the findings are the same, in the same order.
/// </summary>
public sealed class ReportValidationService
{
    private readonly IFindingRules[] _groups;

    public ReportValidationService(DeadlinePolicy? deadlines = null) =>
        _groups = ReportValidator.Groups(deadlines ?? DeadlinePolicy.Default);

    public ValidationReport Validate(ReportValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = new ValidationInput(context);
        List<Finding>? findings = null;
        foreach (var group in _groups)
        {
            var found = RuleFailure.Guard(group, input);
            if (found.Count > 0)
            {
                (findings ??= []).AddRange(found);
            }
        }

        return ValidationReport.Of(findings is null ? [] : findings.ToArray());
    }

    public ValidationReport Validate(IReportContent report, IReportContent? lastYear = null) =>
        Validate(new ReportValidationContext(report, lastYear));
}
