using System.Text.Json;
using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// One criterion of an assessment checklist: its points and the findings that lose them. <see cref="Rules"/> are
/// rule codes, or a family written as <c>overview.*</c>. A finding of these rules loses
/// <see cref="PointsPerFinding"/> points each (all of <see cref="Points"/> when null), never more than the criterion holds.
/// </summary>
public sealed record AssessmentCriterion
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public int Points { get; init; }

    public IReadOnlyList<string> Rules { get; init; } = [];

    public int? PointsPerFinding { get; init; }

    /// <summary>Whether a finding of <paramref name="rule"/> counts against this criterion.</summary>
    public bool Covers(string rule) => Rules.Any(pattern => Matches(pattern, rule));

    /// <summary>Whether a check that could not run (a <c>validation.ruleFailed</c> naming <paramref name="failedRules"/>) is one of this criterion's.</summary>
    public bool Overlaps(string failedRules) =>
        failedRules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(failed => Rules.Any(pattern => Matches(pattern, failed) || Matches(failed, pattern)));

    private static bool Matches(string pattern, string rule) =>
        pattern.EndsWith(".*", StringComparison.Ordinal)
            ? rule.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, rule, StringComparison.Ordinal);
}

/// <summary>How one criterion came out: the points lost, the findings that lost them, or that its check could not run.</summary>
public sealed record CriterionScore(AssessmentCriterion Criterion, int Lost, IReadOnlyList<Finding> Findings, bool NotChecked)
{
    public int Earned => Criterion.Points - Lost;
}

/// <summary>A report's self-check score against a checklist: earned of total, criterion by criterion.</summary>
public sealed record SelfCheckScore(AssessmentChecklist Checklist, IReadOnlyList<CriterionScore> Criteria)
{
    public int Total => Criteria.Sum(c => c.Criterion.Points);

    public int Score => Total - Lost;

    public int Lost => Criteria.Sum(c => c.Lost);

    /// <summary>The criteria that lost points, or whose check could not run, in the checklist's order.</summary>
    public IEnumerable<CriterionScore> Shortfalls => Criteria.Where(c => c.Lost > 0 || c.NotChecked);

    /// <summary>自查得分 85 分（满分 100 分）</summary>
    public string Text => $"自查得分 {Score} 分（满分 {Total} 分）";
}

/// <summary>
/// An assessment checklist as assessors score a report (on time, six parts complete, not copied, figures
/// consistent, problems concrete…): criteria with points, each lost by the findings of named rules. The portal ships
/// one (<c>assessment-checklist.default.json</c>); a subtree may load its own from a file (<see cref="Load"/>).
/// A warning the reviewer accepted loses nothing; a check that could not run loses nothing and is marked
/// 未能检查, to be scored by hand.
/// </summary>
public sealed record AssessmentChecklist
{
    private const string DefaultResource = "GovInfoPortal.Core.Validation.assessment-checklist.default.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<AssessmentCriterion> Criteria { get; init; } = [];

    /// <summary>The checklist shipped with the portal.</summary>
    public static AssessmentChecklist Default { get; } = LoadDefault();

    /// <summary>
    /// Scores <paramref name="findings"/> (all of a report's findings, errors and warnings). <paramref name="accepted"/>
    /// holds the keys (<see cref="WarningExplanations.KeyOf"/>) of the warnings a reviewer accepted.
    /// </summary>
    public SelfCheckScore Score(IEnumerable<Finding> findings, IReadOnlySet<string>? accepted = null)
    {
        var all = findings.ToList();
        var failed = all.Where(f => f.Rule == Validation.Rules.ValidationRuleFailed).Select(f => f.Expected?.ToString() ?? string.Empty).ToList();
        var counted = all.Where(f => f.Rule != Validation.Rules.ValidationRuleFailed &&
            (f.IsError || accepted is null || !accepted.Contains(WarningExplanations.KeyOf(f)))).ToList();
        return new SelfCheckScore(this, [.. Criteria.Select(criterion =>
        {
            var against = counted.Where(f => criterion.Covers(f.Rule)).ToList();
            var lost = against.Count == 0 ? 0 : Math.Min(criterion.Points, (criterion.PointsPerFinding ?? criterion.Points) * against.Count);
            return new CriterionScore(criterion, lost, against, failed.Any(criterion.Overlaps));
        })]);
    }

    /// <summary>Reads a checklist (JSON, the shape of the shipped one); a checklist that cannot be used is refused with a zh-CN reason.</summary>
    public static AssessmentChecklist Load(Stream json, string source)
    {
        AssessmentChecklist? checklist;
        try
        {
            checklist = JsonSerializer.Deserialize<AssessmentChecklist>(json, Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"自查评分表 {source} 不是有效的 JSON（第 {exception.LineNumber + 1} 行）：{exception.Message}", exception);
        }

        var problems = checklist is null ? ["文件为空"] : Problems(checklist).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"自查评分表 {source} 不能使用：{string.Join("；", problems)}。");
        }

        return checklist!;
    }

    /// <summary>Reads a checklist from a file.</summary>
    public static AssessmentChecklist LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"找不到自查评分表文件 {path}。", path);
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    private static IEnumerable<string> Problems(AssessmentChecklist checklist)
    {
        if (string.IsNullOrWhiteSpace(checklist.Id))
        {
            yield return "缺少 id";
        }

        if (string.IsNullOrWhiteSpace(checklist.Name))
        {
            yield return "缺少名称（name）";
        }

        if (checklist.Criteria is null || checklist.Criteria.Count == 0)
        {
            yield return "没有评分项（criteria）";
            yield break;
        }

        foreach (var (criterion, index) in checklist.Criteria.Select((c, i) => (c, i + 1)))
        {
            var label = string.IsNullOrWhiteSpace(criterion.Id) ? $"第 {index} 项" : $"评分项 {criterion.Id}";
            if (string.IsNullOrWhiteSpace(criterion.Id) || string.IsNullOrWhiteSpace(criterion.Name))
            {
                yield return $"{label}缺少 id 或名称";
            }

            if (criterion.Points <= 0)
            {
                yield return $"{label}的分值（points）须为正整数";
            }

            if (criterion.Rules is null || criterion.Rules.Count == 0 || criterion.Rules.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"{label}没有列出扣分的规则（rules）";
            }

            if (criterion.PointsPerFinding is { } each && (each <= 0 || each > criterion.Points))
            {
                yield return $"{label}的每处扣分（pointsPerFinding）须在 1 到 {criterion.Points} 之间";
            }
        }

        foreach (var duplicate in checklist.Criteria.GroupBy(c => c.Id).Where(g => g.Count() > 1 && !string.IsNullOrWhiteSpace(g.Key)))
        {
            yield return $"评分项 {duplicate.Key} 出现了 {duplicate.Count()} 次";
        }
    }

    private static AssessmentChecklist LoadDefault()
    {
        using var stream = typeof(AssessmentChecklist).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The resource {DefaultResource} is missing.");
        return Load(stream, "assessment-checklist.default.json");
    }
}
