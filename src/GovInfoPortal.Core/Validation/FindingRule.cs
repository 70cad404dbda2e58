using FluentValidation;
using FluentValidation.Results;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// A group of rules written as a FluentValidation validator whose failures carry the <see cref="Finding"/>
/// they stand for, so that the web form, the API, imports and the command line share one rule set.
/// </summary>
public abstract class FindingRules : AbstractValidator<ReportValidationContext>
{
    protected FindingRules() =>
        RuleFor(context => context.Report).Custom((_, validation) =>
        {
            foreach (var finding in Check(validation.InstanceToValidate))
            {
                validation.AddFailure(new ValidationFailure(finding.Table ?? string.Empty, finding.Message)
                {
                    ErrorCode = finding.Rule,
                    Severity = finding.IsError ? Severity.Error : Severity.Warning,
                    CustomState = finding,
                });
            }
        });

    protected abstract IEnumerable<Finding> Check(ReportValidationContext context);
}
