using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>
/// Fuzz-style: the rules never crash on odd text (empty, very long, numbers in every script, mixed
/// punctuation, control characters), every finding has a zh-CN message, and a rule that cannot finish says so.
/// </summary>
public class OddInputTests
{
    private static readonly string[] Pieces =
    [
        "收到政府信息公开申请", "件", "万元", "元", "行政复议", "行政诉讼", "予以公开", "不予公开", "（含上年结转", "其中",
        "１２３", "٣٤٥", "१२३", "๑๒๓", "二十六", "一百零三", "亿亿亿亿亿亿亿亿亿亿亿亿", "九千九百九十九万", "99999999999999999999999999999",
        "1,234,567.891", "0.0000001", "—", "……", "，", "。", "；", "\n", "\r\n", "\t", " ", "“", "”", "「", "」", "%", "％", "〔2021〕30号",
        "2023年", "1999年", "\u200b", "\u0000", "\ud83d\ude00", "\ud800", "未收到", "没有", "结转下年度", "办结", "�", "<script>", "万", "十",
    ];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_odd_text_in_every_part_never_crashes_and_every_finding_speaks_chinese(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 25; round++)
        {
            string Text()
            {
                var builder = new StringBuilder();
                var count = random.Next(0, 80);
                for (var i = 0; i < count; i++)
                {
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                    if (random.Next(4) == 0)
                    {
                        builder.Append(random.Next(0, 100_000));
                    }
                }

                return builder.ToString();
            }

            var report = TestReports.Quangang2023().WithSections(Text(), Text(), Text());
            var lastYear = TestReports.Quangang2023().AsYear(2022).WithSections(Text(), Text(), Text());
            foreach (var context in new[]
                     {
                         new ReportValidationContext(report, lastYear, OrganizationKind: OrganizationKind.Township, OrganizationName: Text(), OrganizationCode: Text()),
                         new ReportValidationContext(TestReports.Xiyuan2020().WithSections(Text(), Text(), Text())),
                     })
            {
                var findings = Validate(context);
                Assert.DoesNotContain(findings, f => f.Rule == Rules.ValidationRuleFailed);
                Assert.All(findings, f => Assert.Contains(f.Message, c => c >= '\u4e00' && c <= '\u9fff'));
            }
        }
    }

    [Fact]
    public void Very_long_and_empty_parts_are_read()
    {
        var sentence = "本年度收到政府信息公开申请26件，“予以公开”的20件。";
        var longText = string.Concat(Enumerable.Repeat(sentence, ReportSections.MaxLength / sentence.Length));
        var report = TestReports.Quangang2023().WithSections(longText, longText, longText);
        Assert.DoesNotContain(Validate(report), f => f.Rule is Rules.ValidationRuleFailed or Rules.NarrativeFigureMismatch);

        var blank = TestReports.Quangang2023() with { Sections = new ReportSections("", " \n\t", null) };
        Assert.DoesNotContain(Validate(blank), f => f.Rule == Rules.ValidationRuleFailed);
    }

    [Fact]
    public void A_rule_group_that_cannot_finish_says_so()
    {
        var failing = new FailingRules();
        var findings = RuleFailure.Guard(failing, new ValidationInput(new ReportValidationContext(TestReports.Quangang2023())));

        var finding = Assert.Single(findings);
        Assert.Equal(Rules.ValidationRuleFailed, finding.Rule);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("检查未能完成", finding.Message);
    }

    private sealed class FailingRules : IFindingRules
    {
        public IEnumerable<Finding> Check(ValidationInput input) => throw new InvalidOperationException("unreadable");
    }
}
