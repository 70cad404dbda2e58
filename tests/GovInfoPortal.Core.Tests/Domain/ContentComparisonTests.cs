using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Tests.Domain;

/// <summary>Two versions of a report compared cell by cell and part by part (audit trail, review page, correction history).</summary>
public class ContentComparisonTests
{
    [Fact]
    public void Same_content_has_no_changes()
    {
        var report = TestReports.Quangang2023();

        Assert.Empty(ContentComparison.Compare(report, report));
    }

    [Fact]
    public void Changed_cells_and_parts_are_listed_in_report_order_with_their_labels()
    {
        var before = TestReports.Quangang2023();
        var after = before with
        {
            Sections = before.Sections with { Problems = "（示例）新的问题与改进。" },
            Applications = before.Applications.With("granted", "naturalPerson", 99m).With("carriedForward", "total", null),
            ActiveDisclosure = before.ActiveDisclosure.With("fees", "amount", 1.5m),
        };

        var changes = ContentComparison.Compare(before, after);

        Assert.Equal(
            [ReportParts.ActiveDisclosure, ReportParts.Applications, ReportParts.Applications, ReportParts.Problems],
            changes.Select(c => c.Part));
        var granted = changes[1];
        Assert.Equal(("granted", "naturalPerson"), (granted.Row, granted.Column));
        Assert.Equal("表三（一）予以公开·自然人", granted.Label);
        Assert.Equal(ContentComparison.Figure(before.Applications["granted", "naturalPerson"]), granted.Before);
        Assert.Equal("99", granted.After);
        Assert.True(granted.IsCell);
        Assert.Null(changes[2].After);
        Assert.Equal("1.5", changes[0].After);
        Assert.True(changes[3].IsNarrative);
        Assert.Equal("五、存在的主要问题及改进情况", changes[3].Label);
        Assert.Equal("（示例）新的问题与改进。", changes[3].After);
    }

    [Fact]
    public void Snapshots_also_compare_the_signer_and_the_explanations()
    {
        var document = TestReports.Quangang2023();
        var before = ContentSnapshot.Of(document with { SignedBy = "张三" });
        var key = "crossYear.carriedOver|applications|carriedOver|naturalPerson";
        var after = before with
        {
            SignedBy = "李四",
            Explanations = WarningExplanations.Of([new KeyValuePair<string, string?>(key, "去年报告填报有误。")]),
        };

        var changes = ContentComparison.Compare(before, after);

        Assert.Equal(
            [("签发人", "张三", "李四"), ("警告说明·表三二、上年结转政府信息公开申请数量·自然人（crossYear.carriedOver）", null, "去年报告填报有误。")],
            changes.Select(c => (c.Label, c.Before, c.After)));
    }

    [Fact]
    public void Reports_of_different_formats_compare_the_cells_of_both()
    {
        var before = TestReports.Xiyuan2020();
        var after = TestReports.Quangang2023() with { Year = 2020 };

        var changes = ContentComparison.Compare(before, after);

        Assert.Contains(changes, c => c is { Part: TableCodes.ActiveDisclosure, Row: "procurement", After: null });
        Assert.Contains(changes, c => c is { Part: TableCodes.ActiveDisclosure, Row: "rules", Column: "made", Before: null });
    }
}
