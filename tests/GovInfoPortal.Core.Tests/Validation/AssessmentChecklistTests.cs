using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>The self-check score: the shipped checklist, scoring real and faulty reports, accepted warnings, loading another checklist.</summary>
public class AssessmentChecklistTests
{
    private static readonly AssessmentChecklist Checklist = AssessmentChecklist.Default;

    private static int Lost(SelfCheckScore score, string criterion) => score.Criteria.Single(c => c.Criterion.Id == criterion).Lost;

    [Fact]
    public void The_shipped_checklist_totals_100_and_scores_every_rule_but_the_failed_check()
    {
        Assert.Equal(100, Checklist.Criteria.Sum(c => c.Points));
        var codes = Rules.All.Select(r => r.Code).Where(code => code != Rules.ValidationRuleFailed).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(Checklist.Criteria.Count(c => c.Covers(code)) == 1, $"{code} is scored by exactly one criterion"));
    }

    [Fact]
    public void A_real_published_report_scores_full_marks()
    {
        var quangang = ReferenceTexts.Quangang2023();
        var findings = Validate(new ReportValidationContext(quangang, OrganizationKind: OrganizationKind.PeoplesGovernment, OrganizationName: "泉州市泉港区人民政府"));

        var score = Checklist.Score(findings);

        Assert.Equal((100, 100), (score.Score, score.Total));
        Assert.Empty(score.Shortfalls);
        Assert.Equal("自查得分 100 分（满分 100 分）", score.Text);
    }

    [Fact]
    public void Each_finding_loses_its_criterions_points_and_no_more_than_the_criterion_holds()
    {
        var report = ReferenceTexts.Quangang2023().WithSections(problems: "无。", otherMatters: "无。"); // synthetic parts 五 and 六
        var figure = new Finding(Rules.NarrativeFigureMismatch, FindingSeverity.Warning, "sections", "overview", null, 10m, 12m, "正文数字不符");
        var findings = Validate(report).Concat(Enumerable.Repeat(figure, 4)).ToList();

        var score = Checklist.Score(findings);

        Assert.Equal(5, Lost(score, "problemsConcrete"));
        Assert.Equal(5, Lost(score, "feeStatement"));
        Assert.Equal(15, Lost(score, "figuresConsistent")); // four findings at 5 each, capped at the criterion's 15
        Assert.Equal(75, score.Score);
        Assert.Equal(["figuresConsistent", "problemsConcrete", "feeStatement"], score.Shortfalls.Select(c => c.Criterion.Id));
        Assert.All(score.Shortfalls, c => Assert.NotEmpty(c.Findings));
    }

    [Fact]
    public void A_warning_the_reviewer_accepted_loses_nothing_an_error_always_does()
    {
        var warning = new Finding(Rules.PublicationLate, FindingSeverity.Warning, null, null, null, "2024-01-31", "2024-02-05", "发布晚于期限");
        var error = new Finding(Rules.ApplicationsBalance, FindingSeverity.Error, "applications", null, "total", 3m, 4m, "不平衡");
        var accepted = new HashSet<string>(StringComparer.Ordinal) { WarningExplanations.KeyOf(warning), WarningExplanations.KeyOf(error) };

        var score = Checklist.Score([warning, error], accepted);

        Assert.Equal(0, Lost(score, "onTime"));
        Assert.Equal(5, Lost(score, "tablesConsistent"));
    }

    [Fact]
    public void A_check_that_could_not_run_loses_nothing_and_is_marked_for_scoring_by_hand()
    {
        var failed = new Finding(Rules.ValidationRuleFailed, FindingSeverity.Warning, null, null, null, "problems.*, otherMatters.*, overview.*", null, "未能完成");

        var score = Checklist.Score([failed]);

        Assert.Equal(100, score.Score);
        Assert.Equal(["overviewElements", "problemsConcrete", "feeStatement"], score.Shortfalls.Where(c => c.NotChecked).Select(c => c.Criterion.Id));
    }

    [Fact]
    public void Another_checklist_loads_from_a_file_and_scores_by_its_own_points()
    {
        var path = Path.Combine(Path.GetTempPath(), $"checklist-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            // a city's own checklist: fewer criteria, other points
            {
              "id": "city",
              "name": "某市年度报告考评细则",
              "criteria": [
                { "id": "onTime", "name": "按时发布", "points": 20, "rules": ["publication.late"] },
                { "id": "elements", "name": "按要素撰写", "points": 5, "rules": ["overview.*", "problems.*", "otherMatters.*"] },
              ]
            }
            """);
        try
        {
            var city = AssessmentChecklist.LoadFile(path);
            var report = ReferenceTexts.Quangang2023().WithSections(problems: "无。", otherMatters: "无。");

            var score = city.Score(Validate(report));

            Assert.Equal(("city", 25, 20), (city.Id, score.Total, score.Score));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{", "不是有效的 JSON")]
    [InlineData("""{"id":"x","name":"x","criteria":[]}""", "没有评分项")]
    [InlineData("""{"id":"x","name":"x","criteria":[{"id":"a","name":"甲","points":0,"rules":["publication.late"]}]}""", "分值（points）须为正整数")]
    [InlineData("""{"id":"x","name":"x","criteria":[{"id":"a","name":"甲","points":5,"rules":[]}]}""", "没有列出扣分的规则")]
    [InlineData("""{"id":"x","name":"x","criteria":[{"id":"a","name":"甲","points":5,"rules":["x"],"pointsPerFinding":9}]}""", "须在 1 到 5 之间")]
    [InlineData("""{"id":"x","name":"x","criteria":[{"id":"a","name":"甲","points":5,"rules":["x"]},{"id":"a","name":"乙","points":5,"rules":["y"]}]}""", "评分项 a 出现了 2 次")]
    public void A_checklist_that_cannot_be_used_is_refused_with_a_reason(string json, string reason)
    {
        var refusal = Assert.Throws<InvalidDataException>(() => AssessmentChecklist.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "city.json"));
        Assert.Contains("自查评分表 city.json", refusal.Message);
        Assert.Contains(reason, refusal.Message);
    }
}
