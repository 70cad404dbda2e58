using System.Text.RegularExpressions;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// A group of rules that cannot finish (text no pattern can read in time, an input no rule foresaw) says so
/// with a <c>validation.ruleFailed</c> warning instead of passing silently or failing the whole validation:
/// the clerk and the reviewer see that a check did not run and must be made by hand.
/// </summary>
internal static class RuleFailure
{
    public static IReadOnlyList<Finding> Guard(IFindingRules group, ValidationInput input)
    {
        try
        {
            return [.. group.Check(input)];
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or OperationCanceledException))
        {
            var (rules, description) = Describe(group);
            var timeout = exception is RegexMatchTimeoutException;
            return
            [
                FindingFactory.Report(Rules.ValidationRuleFailed, rules, null,
                    $"“{description}”检查未能完成{(timeout ? "（文字过长或格式异常，读取超时）" : string.Empty)}，请人工核对相关内容"),
            ];
        }
    }

    /// <summary>The rule codes of the group (the finding's <c>expected</c>) and how a clerk names the check.</summary>
    private static (string Rules, string Description) Describe(IFindingRules group) => group switch
    {
        NarrativeFigureRules => (Validation.Rules.NarrativeFigureMismatch, "文字与表格数字一致性"),
        PartContentRules => ("problems.*, otherMatters.*, overview.*", "总体情况、存在的主要问题、其他需要报告的事项的内容"),
        PlausibilityRules => ("activeDisclosure.*, crossYear.spike", "数据合理性"),
        NarrativeRules => ("narrative.*", "文字部分"),
        _ => (group.GetType().Name, "表格数据"),
    };
}
