using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary><c>reviewLitigation.groupTotal</c> (表四).</summary>
public class ReviewLitigationRulesTests
{
    private const string GroupTotal = "reviewLitigation.groupTotal";
    private const string Table = TableCodes.ReviewLitigation;

    [Fact]
    public void Group_total_above_its_results_in_2021()
    {
        var report = TestReports.Quangang2023().WithCell(Table, "litigationDirect", "total", 5m);

        Exactly(Validate(report),
            Error(GroupTotal, Table, "litigationDirect", "total", 4m, 5m, "表四行政诉讼（未经复议直接起诉）·总计：填报 5，按结果维持、结果纠正、其他结果、尚未审结合计应为 4"));
    }

    [Fact]
    public void Group_total_below_its_results_in_2019()
    {
        var report = TestReports.Xiyuan2020().WithCell(Table, "review", "pending", 1m);

        Exactly(Validate(report),
            Error(GroupTotal, Table, "review", "total", 1m, 0m, "表四行政复议·总计：填报 0，按结果维持、结果纠正、其他结果、尚未审结合计应为 1"));
    }

    [Theory]
    [InlineData("upheld")]
    [InlineData("corrected")]
    [InlineData("other")]
    [InlineData("pending")]
    public void Every_result_column_counts_in_the_group_total(string column)
    {
        var report = TestReports.Xiyuan2020().WithCell(Table, "litigationAfterReview", column, 2m);

        Exactly(Validate(report),
            Error(GroupTotal, Table, "litigationAfterReview", "total", 2m, 0m, "表四行政诉讼（复议后起诉）·总计：填报 0，按结果维持、结果纠正、其他结果、尚未审结合计应为 2"));
        Clean(report.WithCell(Table, "litigationAfterReview", "total", 2m));
    }

    [Fact]
    public void Group_totals_that_add_up_pass_in_2021()
    {
        var report = TestReports.Quangang2023();
        Assert.Equal(4m, report.ReviewLitigation["litigationDirect", "total"]);
        Clean(report.WithCell(Table, "review", "corrected", 1m).WithCell(Table, "review", "total", 1m));
    }
}
