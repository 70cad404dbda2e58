using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>Builds the findings a test expects and compares them with what the validator found.</summary>
internal static class FindingAssert
{
    private static readonly ReportValidationService Service = new();

    public static Finding Error(string rule, string? table, string? row, string? column, object? expected, object? actual, string message) =>
        new(rule, FindingSeverity.Error, table, row, column, expected, actual, message);

    public static Finding Warning(string rule, string? table, string? row, string? column, object? expected, object? actual, string message) =>
        new(rule, FindingSeverity.Warning, table, row, column, expected, actual, message);

    public static IReadOnlyList<Finding> Validate(IReportContent report, IReportContent? lastYear = null) =>
        Service.Validate(report, lastYear).Findings;

    public static IReadOnlyList<Finding> Validate(ReportValidationContext context) => Service.Validate(context).Findings;

    /// <summary>The findings are exactly the expected ones: nothing more, nothing less (in any order).</summary>
    public static void Exactly(IEnumerable<Finding> actual, params Finding[] expected)
    {
        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    public static void Clean(IReportContent report, IReportContent? lastYear = null)
    {
        var result = Service.Validate(report, lastYear);
        Assert.Empty(result.Findings);
        Assert.True(result.Clean);
    }

    /// <summary>
    /// No finding but those of the content rules (parts 一、五、六 and plausibility), for tests of the table and
    /// copied-text rules that write short narrative text of their own.
    /// </summary>
    public static void CleanButContent(IReportContent report, IReportContent? lastYear = null) =>
        Assert.Empty(ButContent(Service.Validate(report, lastYear).Findings));

    public static IEnumerable<Finding> ButContent(IEnumerable<Finding> findings) =>
        findings.Where(f => !ReferenceTexts.IsContentRule(f.Rule));

    private static Finding[] Sorted(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Table, StringComparer.Ordinal)
            .ThenBy(f => f.Row, StringComparer.Ordinal)
            .ThenBy(f => f.Column, StringComparer.Ordinal)
            .ToArray();
}
