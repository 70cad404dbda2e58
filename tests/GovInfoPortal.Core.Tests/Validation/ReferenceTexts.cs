using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>
/// The real published prose of the reference reports (TestData/reference, copied from the shared reference
/// texts), cut into parts 一、五、六 by their headings, on the reports' real tables.
/// </summary>
internal static class ReferenceTexts
{
    private static string Text(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "reference", file));

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, start);
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, end);
        return text[from..to].Trim();
    }

    /// <summary>泉港区 2023 (format 2021) with its published parts 一、五、六.</summary>
    public static ReportDocument Quangang2023()
    {
        var text = Text("quangang-district-2023.txt");
        return TestReports.Quangang2023() with
        {
            Sections = new ReportSections(
                Between(text, "## 一、总体情况", "### 二、主动公开政府信息情况"),
                Between(text, "#### 五、存在的主要问题及改进情况", "## 六、其他需要报告的事项"),
                Between(text, "## 六、其他需要报告的事项", "抄送：")),
        };
    }

    /// <summary>西园街道 2020 (format 2019) with its published parts 一、五、六.</summary>
    public static ReportDocument Xiyuan2020()
    {
        var text = Text("xiyuan-street-2020.txt");
        var six = text.IndexOf("六、其他需要报告的事项", StringComparison.Ordinal);
        return TestReports.Xiyuan2020() with
        {
            Sections = new ReportSections(
                Between(text, "一、总体情况", "二、主动公开政府信息情况"),
                Between(text, "五、存在的主要问题及改进情况", "六、其他需要报告的事项"),
                text[(six + "六、其他需要报告的事项".Length)..].Trim()),
        };
    }

    public static ReportDocument WithSections(this ReportDocument document, string? overview = null, string? problems = null, string? otherMatters = null) =>
        document with
        {
            Sections = new ReportSections(overview ?? document.Sections.Overview, problems ?? document.Sections.Problems,
                otherMatters ?? document.Sections.OtherMatters),
        };

    public static bool IsContentRule(string rule) => rule is Rules.NarrativeFigureMismatch or Rules.ProblemsGeneric or Rules.ProblemsNoRectification
        or Rules.OtherMattersFeeStatementMissing or Rules.OverviewMissingAspect or Rules.OverviewTooLong or Rules.OverviewMissingFigure
        or Rules.ActiveDisclosureRulesWithoutPower or Rules.ActiveDisclosureFeeUnit or Rules.CrossYearSpike or Rules.ValidationRuleFailed;

}
