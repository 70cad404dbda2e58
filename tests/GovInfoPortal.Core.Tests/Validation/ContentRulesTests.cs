using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>
/// The content rules of parts 一、五、六 and the plausibility rules, on the real published texts and on
/// synthetic ones (written for these tests).
/// </summary>
public class ContentRulesTests
{
    private static string[] RulesOf(ReportValidationContext context) =>
        [.. Validate(context).Where(f => ReferenceTexts.IsContentRule(f.Rule)).Select(f => f.Rule).Order(StringComparer.Ordinal)];

    private static string[] RulesOf(IReportContent report, IReportContent? lastYear = null) => RulesOf(new ReportValidationContext(report, lastYear));

    [Fact]
    public void The_real_reports_pass_every_content_rule()
    {
        var quangang = ReferenceTexts.Quangang2023();
        Assert.Empty(RulesOf(new ReportValidationContext(quangang, OrganizationKind: OrganizationKind.PeoplesGovernment, OrganizationName: "泉州市泉港区人民政府")));
        Assert.Empty(RulesOf(new ReportValidationContext(ReferenceTexts.Xiyuan2020(), OrganizationKind: OrganizationKind.Township)));
    }

    [Theory]
    [InlineData("无。")]
    [InlineData("暂无")]
    [InlineData("一是政务公开工作有待进一步加强。二是信息公开力度不够。下一步将继续加大工作力度。")] // synthetic boilerplate only
    public void Part_five_without_substance_is_generic(string text)
    {
        var report = ReferenceTexts.Quangang2023().WithSections(problems: text);
        var finding = Assert.Single(Validate(report), f => f.Rule == Rules.ProblemsGeneric);
        Assert.Equal(("sections", "problems"), (finding.Table, finding.Row));
        Assert.StartsWith("五、存在的主要问题及改进情况：内容空泛", finding.Message);
    }

    [Fact]
    public void Part_five_that_ignores_last_years_named_problems_has_no_rectification()
    {
        // Xiyuan's real 2020 part 五 as last year; this year's synthetic text names new problems only.
        var lastYear = ReferenceTexts.Xiyuan2020();
        var report = TestReports.Xiyuan2021().WithSections(problems: "部分社区公开栏更新不及时，依申请公开答复文书格式不够统一，工作人员对新条例理解不深。");

        Assert.Contains(Rules.ProblemsNoRectification, RulesOf(report, lastYear));
        var answered = report.WithSections(problems: report.Sections.Problems + "针对上年度公开宣传不足的问题，已开展进社区宣传六场。");
        Assert.DoesNotContain(Rules.ProblemsNoRectification, RulesOf(answered, lastYear));
    }

    [Fact]
    public void Part_six_without_the_fee_statement_is_found_from_2021_on()
    {
        var real = ReferenceTexts.Quangang2023();
        var withoutFee = real.WithSections(otherMatters: "无。");
        var finding = Assert.Single(Validate(withoutFee), f => f.Rule == Rules.OtherMattersFeeStatementMissing);
        Assert.Equal(("sections", "otherMatters"), (finding.Table, finding.Row));

        // Xiyuan 2020 (format 2019) states 「无。」 in part 六, as it may before 2021.
        Assert.DoesNotContain(Rules.OtherMattersFeeStatementMissing, RulesOf(ReferenceTexts.Xiyuan2020()));
    }

    [Fact]
    public void Part_one_names_the_aspects_it_leaves_out()
    {
        var report = ReferenceTexts.Quangang2023().WithSections(overview: "本年度主动公开政府信息2274条，依申请公开办理及时。"); // synthetic
        var finding = Assert.Single(Validate(report), f => f.Rule == Rules.OverviewMissingAspect);
        Assert.Equal("政府信息管理、平台建设、监督保障", finding.Expected);
        Assert.Contains("未写明政府信息管理、平台建设、监督保障方面的情况", finding.Message);
    }

    [Fact]
    public void A_subtree_may_cap_part_one_require_figures_and_change_keywords()
    {
        var overrides = new ContentRuleOverrides
        {
            OverviewMaxLength = 100,
            OverviewRequiredFigures = [new RequiredFigure { Name = "政务新媒体发布信息条数", Keywords = ["政务新媒体发布", "新媒体发布"] }],
            FeeStatementKeywords = ["信息处理费", "未收费"],
        };
        var settings = ContentRuleSettings.Default.With(overrides);
        Assert.Equal(ContentRuleSettings.Default.ProblemsMinSubstance, settings.ProblemsMinSubstance);

        var context = new ReportValidationContext(ReferenceTexts.Quangang2023(), ContentRules: settings);
        Assert.Equal([Rules.OverviewMissingFigure, Rules.OverviewTooLong], RulesOf(context));

        var stated = new ReportValidationContext(ReferenceTexts.Quangang2023().WithSections(overview: "（示例）主动公开、依申请公开、政府信息管理、平台建设、监督保障。政务新媒体发布信息120条。"),
            ContentRules: settings);
        Assert.Empty(RulesOf(stated));
    }

    [Theory]
    [InlineData(OrganizationKind.Department, "泉港区教育局", null, true)]
    [InlineData(OrganizationKind.Township, "泉港区山腰街道办事处", null, true)]
    [InlineData(OrganizationKind.PeoplesGovernment, "泉州市泉港区人民政府", null, true)]
    [InlineData(OrganizationKind.PeoplesGovernment, "晋江市人民政府", "350582", true)]
    [InlineData(OrganizationKind.PeoplesGovernment, "泉州市人民政府", "350500", false)]
    [InlineData(OrganizationKind.PeoplesGovernment, "福建省人民政府", null, false)]
    [InlineData(OrganizationKind.PeoplesGovernment, "晋江市人民政府", null, false)] // a city of unknown level: no guess
    public void Rules_reported_by_a_body_without_the_power_to_make_them(OrganizationKind kind, string name, string? code, bool found)
    {
        var report = TestReports.Quangang2023()
            .WithCell(TableCodes.ActiveDisclosure, "rules", "made", 1)
            .WithCell(TableCodes.ActiveDisclosure, "rules", "inForce", 1);
        var context = new ReportValidationContext(report, OrganizationKind: kind, OrganizationName: name, OrganizationCode: code);
        var findings = Validate(context).Where(f => f.Rule == Rules.ActiveDisclosureRulesWithoutPower).ToArray();

        Assert.Equal(found ? 2 : 0, findings.Length);
        Assert.All(findings, f => Assert.Equal(("activeDisclosure", "rules", 0m), (f.Table, f.Row, f.Expected)));

        // Without the kind the rule does not guess.
        Assert.DoesNotContain(Rules.ActiveDisclosureRulesWithoutPower, RulesOf(new ReportValidationContext(report)));
    }

    [Fact]
    public void A_fee_amount_only_plausible_in_yuan_is_found()
    {
        // Quangang's real 435.18246 万元 passes; the same amount written in 元 does not.
        Assert.DoesNotContain(Rules.ActiveDisclosureFeeUnit, RulesOf(TestReports.Quangang2023()));
        var inYuan = TestReports.Quangang2023().WithCell(TableCodes.ActiveDisclosure, "fees", "amount", 4351824.6m);
        var finding = Assert.Single(Validate(inYuan), f => f.Rule == Rules.ActiveDisclosureFeeUnit);
        Assert.Equal(("activeDisclosure", "fees", "amount"), (finding.Table, finding.Row, finding.Column));
        Assert.Equal(435.18246m, finding.Expected);

        // A township's threshold is lower.
        var township = TestReports.Quangang2023().WithCell(TableCodes.ActiveDisclosure, "fees", "amount", 5000m);
        Assert.Contains(Rules.ActiveDisclosureFeeUnit, RulesOf(new ReportValidationContext(township, OrganizationKind: OrganizationKind.Township)));
        Assert.DoesNotContain(Rules.ActiveDisclosureFeeUnit, RulesOf(new ReportValidationContext(township, OrganizationKind: OrganizationKind.PeoplesGovernment)));
    }

    [Fact]
    public void A_total_five_times_last_years_is_a_spike_when_both_are_large()
    {
        var lastYear = TestReports.Quangang2023().AsYear(2022);
        var report = TestReports.Quangang2023()
            .WithCell(TableCodes.ActiveDisclosure, "licensing", "decisions", 1717m * 5)
            .WithCell(TableCodes.ActiveDisclosure, "punishment", "decisions", 336m * 4);
        var finding = Assert.Single(Validate(report, lastYear), f => f.Rule == Rules.CrossYearSpike);
        Assert.Equal(("activeDisclosure", "licensing", "decisions", 1717m, 8585m), (finding.Table, finding.Row, finding.Column, finding.Expected, finding.Actual));

        // 26 applications against 2 last year: the smaller side is too small to matter.
        var small = lastYear.WithApplications("newlyReceived", "total", 2);
        Assert.DoesNotContain(Rules.CrossYearSpike, RulesOf(TestReports.Quangang2023(), small));
    }

    [Fact]
    public void Every_content_finding_has_a_zh_CN_message_and_a_known_rule()
    {
        var report = TestReports.Quangang2023()
            .WithCell(TableCodes.ActiveDisclosure, "fees", "amount", 9_999_999m)
            .WithSections("收到政府信息公开申请99件。", "无。", "无。");
        var findings = Validate(new ReportValidationContext(report, OrganizationKind: OrganizationKind.Department));
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Equal(Rules.SeverityOf(f.Rule), f.Severity);
            Assert.Contains(f.Message, c => c >= '\u4e00' && c <= '\u9fff');
        });
    }
}
