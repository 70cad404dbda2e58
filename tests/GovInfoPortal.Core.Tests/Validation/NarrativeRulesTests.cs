using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary><c>narrative.missingPart</c> and <c>narrative.copiedFromLastYear</c>.</summary>
public class NarrativeRulesTests
{
    private const string MissingPart = "narrative.missingPart";
    private const string Copied = "narrative.copiedFromLastYear";

    // Demo text written for these tests.
    private const string DemoOverview =
        "（示例）本年度本机关坚持以公开为常态、不公开为例外，围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障五个方面推进政务公开工作，" +
        "及时发布政策文件和解读材料，规范办理政府信息公开申请，完善信息发布审核和保密审查机制，持续优化门户网站栏目设置，主动接受社会监督。";

    private const string DemoRewritten =
        "（示例）今年重点做了三件事：一是把办事指南逐项核对后重新上网，二是请街道居民代表参加开放日座谈，" +
        "三是对新入职的工作人员进行业务培训；明年计划把常见问题解答整理成册，放在便民服务大厅供群众取阅。";

    /// <summary>Characters absent from the demo texts, so that appended text shares nothing with them.</summary>
    private const string Foreign = "甲乙丙丁戊己庚辛壬癸鼠牛虎兔龙蛇马羊猴鸡狗猪";

    // narrative.missingPart

    [Theory]
    [InlineData("overview", null, "一、总体情况：未填写")]
    [InlineData("problems", "", "五、存在的主要问题及改进情况：未填写")]
    [InlineData("otherMatters", " \n\t", "六、其他需要报告的事项：未填写")]
    public void Empty_part_is_missing_in_2021(string part, string? text, string message)
    {
        var report = TestReports.Quangang2023().WithSection(part, text);

        Exactly(Validate(report), Error(MissingPart, "sections", part, null, null, null, message));
    }

    [Theory]
    [InlineData("overview", "一、总体情况：未填写")]
    [InlineData("problems", "五、存在的主要问题及改进情况：未填写")]
    [InlineData("otherMatters", "六、其他需要报告的事项：未填写")]
    public void Empty_part_is_missing_in_2019(string part, string message)
    {
        var report = TestReports.Xiyuan2020().WithSection(part, null);

        Exactly(Validate(report), Error(MissingPart, "sections", part, null, null, null, message));
    }

    [Fact]
    public void Written_parts_pass_and_legacy_reports_need_none()
    {
        CleanButContent(TestReports.Quangang2023().WithSection("otherMatters", "无。"));
        Clean(TestReports.Qingyang2018());
    }

    // narrative.copiedFromLastYear

    private static string Normalized(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)));

    private static (ReportDocument Report, ReportDocument LastYear) Overviews(string text, string lastYearText) =>
        (TestReports.Quangang2023().WithSection(SectionCodes.Overview, text),
         TestReports.Quangang2023().AsYear(2022).WithSection(SectionCodes.Overview, lastYearText)
             .WithCell(TableCodes.ActiveDisclosure, "normativeDocuments", "inForce", 243m));

    [Fact]
    public void Same_text_as_last_year_is_copied()
    {
        var (report, lastYear) = Overviews(DemoOverview, DemoOverview);

        Exactly(Validate(report, lastYear),
            Warning(Copied, "sections", "overview", null, 0.5m, 1m, "一、总体情况：与上一年度报告相同的内容约占 100%，请按本年度实际情况撰写"));
    }

    [Fact]
    public void Nearly_identical_text_is_copied()
    {
        // Last year's 87 characters kept, 20 new ones added: 80 of the 100 eight-character runs are last year's.
        var kept = Normalized(DemoOverview)[..87];
        Assert.DoesNotContain(kept, c => Foreign.Contains(c));
        var (report, lastYear) = Overviews(kept + Foreign[..20], kept);

        Exactly(Validate(report, lastYear),
            Warning(Copied, "sections", "overview", null, 0.5m, 0.8m, "一、总体情况：与上一年度报告相同的内容约占 80%，请按本年度实际情况撰写"));
    }

    [Fact]
    public void Reflowed_text_with_other_punctuation_is_still_copied()
    {
        var reflowed = DemoOverview.Replace("，", "。\n").Replace("、", " ");
        var (report, lastYear) = Overviews(reflowed, DemoOverview);

        Exactly(Validate(report, lastYear),
            Warning(Copied, "sections", "overview", null, 0.5m, 1m, "一、总体情况：与上一年度报告相同的内容约占 100%，请按本年度实际情况撰写"));
    }

    [Fact]
    public void Exactly_half_the_same_is_not_copied()
    {
        // 50 of 100 runs shared: "more than half" is needed.
        var kept = Normalized(DemoOverview)[..57];
        Assert.DoesNotContain(kept, c => Foreign.Contains(c));
        var added = string.Concat(Foreign, Foreign, Foreign)[..50];
        var (report, lastYear) = Overviews(kept + added, kept);

        Clean(report, lastYear);
    }

    [Fact]
    public void Rewritten_text_is_not_copied()
    {
        var (report, lastYear) = Overviews(DemoRewritten, DemoOverview);

        CleanButContent(report, lastYear);
    }

    [Fact]
    public void Short_text_repeated_is_not_copied()
    {
        var report = TestReports.Xiyuan2021().WithSection(SectionCodes.OtherMatters, "无。").WithSection(SectionCodes.Problems, "无。");
        var lastYear = TestReports.Xiyuan2020().WithSection(SectionCodes.OtherMatters, "无。").WithSection(SectionCodes.Problems, "无。");

        CleanButContent(report, lastYear);
    }

    [Fact]
    public void Copied_part_is_found_in_2019_format_too()
    {
        var report = TestReports.Xiyuan2020().WithSection(SectionCodes.Problems, DemoOverview);
        var lastYear = TestReports.Xiyuan2020().AsYear(2019).WithSection(SectionCodes.Problems, DemoOverview);

        Exactly(ButContent(Validate(report, lastYear)),
            Warning(Copied, "sections", "problems", null, 0.5m, 1m, "五、存在的主要问题及改进情况：与上一年度报告相同的内容约占 100%，请按本年度实际情况撰写"));
    }

    [Fact]
    public void Text_of_two_years_before_is_not_compared()
    {
        var report = TestReports.Quangang2023().WithSection(SectionCodes.Overview, DemoOverview);
        var twoYearsBefore = TestReports.Quangang2023().AsYear(2021).WithSection(SectionCodes.Overview, DemoOverview);

        Clean(report, twoYearsBefore);
    }
}
