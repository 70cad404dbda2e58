using System.Text.Json.Serialization;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Web.Clerk;

/// <summary>One criterion that lost points, or whose check could not run, in the words the pages show.</summary>
public sealed record SelfCheckShortfall(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("notChecked")] bool NotChecked,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons);

/// <summary>
/// The self-check score as the editor, the preview, 我的报告, the review page and the dashboard show it: the words
/// are written here once, and the editor's JSON answers carry them to the script.
/// </summary>
public sealed record SelfCheckView(
    [property: JsonPropertyName("score")] int Score,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("short")] string Short,
    [property: JsonPropertyName("checklist")] string Checklist,
    [property: JsonPropertyName("shortfalls")] IReadOnlyList<SelfCheckShortfall> Shortfalls)
{
    /// <summary>How many of a criterion's findings are named; the rest are counted.</summary>
    public const int ReasonsShown = 3;

    public const string Hint = "按评分表逐项计算，供提交前自查；审核员接受说明的警告不扣分。";

    public static SelfCheckView? Of(SelfCheckScore? score) => score is null ? null : new(
        score.Score, score.Total, score.Text, $"自查 {score.Score} 分", score.Checklist.Name,
        [.. score.Shortfalls.Select(c => new SelfCheckShortfall(ShortfallText(c), c.NotChecked, Reasons(c)))]);

    /// <summary>The points lost, briefly, for a list: 按时发布 −10，正文数字与表格一致 −5，总体情况按要素撰写 未能检查; empty when none.</summary>
    public static string Lost(SelfCheckScore score) =>
        string.Join("，", score.Shortfalls.Select(c => c.Lost > 0 ? $"{c.Criterion.Name} −{c.Lost}" : $"{c.Criterion.Name} 未能检查"));

    /// <summary>正文数字与表格一致：扣 5 分（本项 15 分）, or 未能检查 for a check that could not run.</summary>
    private static string ShortfallText(CriterionScore criterion) =>
        criterion.Lost > 0
            ? $"{criterion.Criterion.Name}：扣 {criterion.Lost} 分（本项 {criterion.Criterion.Points} 分）"
            : $"{criterion.Criterion.Name}：未能自动检查，请人工核对（本项 {criterion.Criterion.Points} 分）";

    private static IReadOnlyList<string> Reasons(CriterionScore criterion)
    {
        var messages = criterion.Findings.Select(f => f.Message).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count <= ReasonsShown
            ? messages
            : [.. messages.Take(ReasonsShown), $"另有 {messages.Count - ReasonsShown} 处"];
    }
}
