using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>
/// <c>narrative.figureMismatch</c> on the real published texts (which agree with their tables) and on
/// synthetic sentences (marked as such: written for these tests, not taken from a report).
/// </summary>
public class NarrativeFigureRulesTests
{
    private static IEnumerable<Finding> Mismatches(IReportContent report) =>
        Validate(report).Where(f => f.Rule == Rules.NarrativeFigureMismatch);

    [Fact]
    public void The_real_texts_of_quangang_2023_and_xiyuan_2020_agree_with_their_tables()
    {
        Assert.Empty(Mismatches(ReferenceTexts.Quangang2023()));
        Assert.Empty(Mismatches(ReferenceTexts.Xiyuan2020()));
    }

    [Fact]
    public void A_received_figure_that_differs_names_the_cell_both_values_and_the_sentence()
    {
        // Quangang's real sentence with one figure changed (26 → 27).
        var real = ReferenceTexts.Quangang2023();
        var changed = real.WithSections(overview: real.Sections.Overview!.Replace("共新收 26 件", "共新收 27 件", StringComparison.Ordinal));

        var finding = Assert.Single(Mismatches(changed));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(("applications", "newlyReceived", "total"), (finding.Table, finding.Row, finding.Column));
        Assert.Equal(26m, finding.Expected);
        Assert.Equal(27m, finding.Actual);
        Assert.StartsWith("表三一、本年新收政府信息公开申请数量·总计：填报 26，一、总体情况写“", finding.Message);
        Assert.Contains("共新收27件", finding.Message);
    }

    [Theory]
    [InlineData("本年度共收到政府信息公开申请二十六件，均按时答复。", null)] // synthetic
    [InlineData("本年度共收到政府信息公开申请二十七件，均按时答复。", "newlyReceived")] // synthetic
    [InlineData("全年收到政府信息公开申请２７件。", "newlyReceived")] // synthetic, full-width digits
    [InlineData("依申请公开方面，共办理政府信息公开申请26件（含上年结转0件）。", null)] // synthetic
    [InlineData("依申请公开方面，共办理政府信息公开申请26件（含上年结转1件）。", "carriedOver")] // synthetic: the sum agrees, 1 ≠ 0
    [InlineData("本年度办结政府信息公开申请25件。", "handledTotal")] // synthetic
    [InlineData("政府信息公开申请结转下年度继续办理3件。", "carriedForward")] // synthetic
    [InlineData("其中予以公开20件，部分公开2件，不予公开2件，无法提供2件。", null)] // synthetic
    [InlineData("其中同意公开21件。", "granted")] // synthetic
    [InlineData("本年度因政府信息公开被申请行政复议1件。", "review")] // synthetic
    [InlineData("因政府信息公开被申请行政复议0件、提起行政诉讼5件。", "overview")] // synthetic: 表四 has 4 诉讼 in two rows, so the part is pointed at
    public void Application_and_review_phrasings_compare_with_their_cells(string sentence, string? row)
    {
        MismatchIn(sentence, row);
    }

    /// <summary>The sentence as Quangang's part 一 gives a mismatch in the row named, or none when it is null.</summary>
    private static void MismatchIn(string sentence, string? row)
    {
        var findings = Mismatches(TestReports.Quangang2023().WithSections(overview: sentence)).ToArray();
        if (row is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Equal(row, Assert.Single(findings).Row);
        }
    }

    [Fact]
    public void Sums_point_at_the_part_and_name_the_rows()
    {
        // Synthetic: table 三 has 2 不予公开 (1 + 1 in two sub-rows), table 四 has 4 行政诉讼 (4 + 0).
        var report = TestReports.Quangang2023().WithSections(overview: "“不予公开”的3件。因政府信息公开引起的行政诉讼案件5件。");
        var findings = Mismatches(report).OrderBy(f => f.Expected).ToArray();

        Assert.Equal(2, findings.Length);
        Assert.All(findings, f => Assert.Equal(("sections", "overview", (string?)null), (f.Table, f.Row, f.Column)));
        Assert.Equal((2m, 3m), ((decimal)findings[0].Expected!, (decimal)findings[0].Actual!));
        Assert.Contains("（三）不予公开", findings[0].Message);
        Assert.Equal((4m, 5m), ((decimal)findings[1].Expected!, (decimal)findings[1].Actual!));
        Assert.Contains("合计为 4", findings[1].Message);
    }

    [Theory]
    [InlineData("本年度作出行政许可决定1,717件。", null)] // synthetic, thousands separator
    [InlineData("本年度作出行政许可决定1,718件。", "licensing")] // synthetic
    [InlineData("全年行政处罚决定三百三十六件，行政强制决定二十三件。", null)] // synthetic, Chinese numerals
    [InlineData("全年行政处罚决定一百零三件。", "punishment")] // synthetic
    [InlineData("本年度制发行政规范性文件12件。", "normativeDocuments")] // synthetic
    [InlineData("收取行政事业性收费435.18万元。", null)] // synthetic, rounded as written
    [InlineData("收取行政事业性收费4351824.6元。", null)] // synthetic, in 元
    [InlineData("收取行政事业性收费436万元。", "fees")] // synthetic
    public void Disclosure_phrasings_compare_with_their_cells(string sentence, string? row)
    {
        MismatchIn(sentence, row);
    }

    [Theory]
    [InlineData("全年主动公开政府信息2274条，网站访问量12万次。")] // figures with no table counterpart
    [InlineData("全年发布信息1558条，点击量3万余次，办件量81件。")]
    [InlineData("依据《通知》（国办公开办函〔2021〕30号）要求，于2024年1月10日发布。")]
    [InlineData("依申请公开办理及时率达100%，满意率98.5%。")]
    [InlineData("全年受理办结泉州12345平台交办件81件、市长专线交办件92件。")] // real phrasing (西园街道 2020)
    [InlineData("2022年共收到政府信息公开申请12件，较上年增加。")] // another year
    [InlineData("去年收到政府信息公开申请30件。")]
    [InlineData("收到政府信息公开申请约30件。")] // approximate
    [InlineData("收到政府信息公开申请30余件。")]
    [InlineData("全区各部门共收到政府信息公开申请120件，其中区政府本级收到26件。")] // another scope
    [InlineData("集中公开区政府现行有效规范性文件181件，部门行政规范性文件17件。")] // real phrasing (泉港区 2023)
    [InlineData("开展一件事集成套餐服务，梳理村居证明事项11项。")]
    [InlineData("收到人大代表建议和政协提案办结12件。")]
    [InlineData("主动予以公开信息12件。")]
    [InlineData("全年共办理行政复议案件120件，其中涉及政府信息公开的0件。")] // the body's other review cases
    public void Figures_without_a_table_counterpart_or_of_another_scope_are_no_finding(string sentence)
    {
        // Synthetic sentences unless marked real; each quotes a figure no cell of the table holds.
        var report = TestReports.Quangang2023().WithSections(overview: sentence, problems: sentence, otherMatters: sentence);
        Assert.Empty(Mismatches(report));
    }

    [Fact]
    public void Not_receiving_any_application_contradicts_a_table_with_applications()
    {
        // Xiyuan's real sentence 「我街道未收到政府信息公开申请」 on Quangang's table (26 received).
        var report = TestReports.Quangang2023().WithSections(overview: "（二）依申请公开方面。2020年，我街道未收到政府信息公开申请。".Replace("2020", "2023", StringComparison.Ordinal));
        var finding = Assert.Single(Mismatches(report));
        Assert.Equal((26m, 0m), ((decimal)finding.Expected!, (decimal)finding.Actual!));
    }

    [Fact]
    public void Each_figure_is_reported_once()
    {
        var report = TestReports.Quangang2023().WithSections(
            overview: "收到政府信息公开申请30件。", problems: "全年收到政府信息公开申请31件。"); // synthetic
        Assert.Single(Mismatches(report));
    }

    [Fact]
    public void Legacy_reports_have_no_table_to_compare_with()
    {
        var legacy = TestReports.Qingyang2018() with { Sections = new ReportSections("收到政府信息公开申请30件。", null, null) };
        Assert.Empty(Mismatches(legacy));
    }

    [Theory]
    [InlineData("二十六", 26)]
    [InlineData("一百零三", 103)]
    [InlineData("十二", 12)]
    [InlineData("两千", 2000)]
    [InlineData("一万二千", 12000)]
    [InlineData("1,234", 1234)]
    [InlineData("2.5万", 25000)]
    [InlineData("〇", 0)]
    public void Numerals_are_read_in_both_scripts(string numeral, int value)
    {
        Assert.Equal(value, NarrativeText.Parse(numeral));
    }

    [Fact]
    public void Text_is_normalized_across_page_breaks_and_scripts()
    {
        Assert.Equal("上一年度结转0件", NarrativeText.Normalize("上一年度\n\n结转 0 件"));
        Assert.Equal("予以公开的20件", NarrativeText.Normalize("“予以公开”的 ２０ 件"));
        Assert.Equal("www.qg.gov.cn 1 2", NarrativeText.Normalize("www.qg.gov.cn 1  2"));
    }
}
