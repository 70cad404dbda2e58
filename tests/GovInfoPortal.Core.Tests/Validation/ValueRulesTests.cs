using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary><c>values.missing</c>, <c>values.invalid</c>, <c>format.mismatch</c>.</summary>
public class ValueRulesTests
{
    private const string Missing = "values.missing";
    private const string Invalid = "values.invalid";
    private const string Mismatch = "format.mismatch";

    // values.missing

    [Fact]
    public void Empty_cell_in_2021_table_three_is_missing()
    {
        var report = TestReports.Quangang2023().WithApplications("granted", "naturalPerson", null);

        Exactly(Validate(report),
            Error(Missing, "applications", "granted", "naturalPerson", null, null, "表三（一）予以公开·自然人：未填写（没有数据的请填 0）"));
    }

    [Fact]
    public void Empty_cell_in_a_2021_other_handling_sub_row_is_missing()
    {
        var report = TestReports.Quangang2023().WithApplications("otherHandling.feeUnpaid", "total", null);

        Exactly(Validate(report),
            Error(Missing, "applications", "otherHandling.feeUnpaid", "total", null, null,
                "表三（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请·总计：未填写（没有数据的请填 0）"));
    }

    [Fact]
    public void Empty_cell_in_2019_table_two_is_missing()
    {
        var report = TestReports.Xiyuan2020().WithCell(TableCodes.ActiveDisclosure, "procurement", "amount", null);

        Exactly(Validate(report),
            Error(Missing, "activeDisclosure", "procurement", "amount", null, null, "表二政府集中采购·采购总金额：未填写（没有数据的请填 0）"));
    }

    [Fact]
    public void Empty_cell_in_2019_table_four_is_missing()
    {
        var report = TestReports.Xiyuan2020().WithCell(TableCodes.ReviewLitigation, "litigationAfterReview", "pending", null);

        Exactly(Validate(report),
            Error(Missing, "reviewLitigation", "litigationAfterReview", "pending", null, null, "表四行政诉讼（复议后起诉）·尚未审结：未填写（没有数据的请填 0）"));
    }

    [Fact]
    public void Zero_is_not_missing()
    {
        var report = TestReports.Xiyuan2020();
        Assert.Equal(0m, report.Applications["granted", "naturalPerson"]);
        Assert.DoesNotContain(Validate(report), f => f.Rule == Missing);
    }

    [Fact]
    public void An_empty_table_has_every_cell_missing()
    {
        var report = TestReports.Quangang2023() with { ReviewLitigation = Core.Domain.ReportTable.Empty };

        var findings = Validate(report);
        Assert.Equal(15, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.Equal(Missing, f.Rule);
            Assert.Equal("reviewLitigation", f.Table);
        });
    }

    // values.invalid

    [Fact]
    public void Negative_count_is_invalid()
    {
        var report = TestReports.Quangang2023().WithCell(TableCodes.ActiveDisclosure, "punishment", "decisions", -1m);

        Exactly(Validate(report),
            Error(Invalid, "activeDisclosure", "punishment", "decisions", null, -1m, "表二行政处罚·本年处理决定数量：填报 -1，应为不小于 0 的整数"));
    }

    [Fact]
    public void Negative_count_in_table_three_is_invalid_and_sum_rules_over_it_do_not_run()
    {
        var report = TestReports.Quangang2023().WithApplications("granted", "naturalPerson", -20m);

        Exactly(Validate(report),
            Error(Invalid, "applications", "granted", "naturalPerson", null, -20m, "表三（一）予以公开·自然人：填报 -20，应为不小于 0 的整数"));
    }

    [Fact]
    public void Fractional_count_is_invalid()
    {
        var report = TestReports.Quangang2023().WithCell(TableCodes.ReviewLitigation, "review", "upheld", 0.5m);

        Exactly(Validate(report),
            Error(Invalid, "reviewLitigation", "review", "upheld", null, 0.5m, "表四行政复议·结果维持：填报 0.5，应为不小于 0 的整数"));
    }

    [Fact]
    public void Fractional_count_in_2019_table_three_is_invalid()
    {
        var report = TestReports.Xiyuan2020().WithApplications("otherHandling", "commercial", 1.5m);

        Exactly(Validate(report),
            Error(Invalid, "applications", "otherHandling", "commercial", null, 1.5m, "表三（六）其他处理·商业企业：填报 1.5，应为不小于 0 的整数"));
    }

    [Theory]
    [InlineData("licensing")]
    [InlineData("otherServices")]
    [InlineData("punishment")]
    [InlineData("coercion")]
    [InlineData("fees")]
    public void Negative_change_in_2019_is_valid(string row)
    {
        var report = TestReports.Xiyuan2020().WithCell(TableCodes.ActiveDisclosure, row, "change", -3m);

        Clean(report);
    }

    [Fact]
    public void Fractional_change_in_2019_is_invalid()
    {
        var report = TestReports.Xiyuan2020().WithCell(TableCodes.ActiveDisclosure, "licensing", "change", -1.5m);

        Exactly(Validate(report),
            Error(Invalid, "activeDisclosure", "licensing", "change", null, -1.5m, "表二行政许可·本年增/减：填报 -1.5，应为整数"));
    }

    [Fact]
    public void Negative_previous_count_in_2019_is_invalid()
    {
        var report = TestReports.Xiyuan2020().WithCell(TableCodes.ActiveDisclosure, "fees", "previous", -2m);

        Exactly(Validate(report),
            Error(Invalid, "activeDisclosure", "fees", "previous", null, -2m, "表二行政事业性收费·上一年项目数量：填报 -2，应为不小于 0 的整数"));
    }

    [Fact]
    public void Negative_amount_is_invalid_in_2021()
    {
        var report = TestReports.Quangang2023().WithCell(TableCodes.ActiveDisclosure, "fees", "amount", -435.18246m);

        Exactly(Validate(report),
            Error(Invalid, "activeDisclosure", "fees", "amount", null, -435.18246m, "表二行政事业性收费·本年收费金额（单位：万元）：填报 -435.18246，金额不能为负数"));
    }

    [Fact]
    public void Negative_amount_is_invalid_in_2019()
    {
        var report = TestReports.Xiyuan2020().WithCell(TableCodes.ActiveDisclosure, "procurement", "amount", -0.5m);

        Exactly(Validate(report),
            Error(Invalid, "activeDisclosure", "procurement", "amount", null, -0.5m, "表二政府集中采购·采购总金额：填报 -0.5，金额不能为负数"));
    }

    [Fact]
    public void Fractional_amounts_are_valid()
    {
        var quangang = TestReports.Quangang2023();
        Assert.Equal(435.18246m, quangang.ActiveDisclosure["fees", "amount"]);
        Clean(quangang);

        Clean(TestReports.Xiyuan2020().WithCell(TableCodes.ActiveDisclosure, "procurement", "amount", 12.3456m));
    }

    // format.mismatch

    [Fact]
    public void Format_2019_for_a_2021_report_is_a_mismatch()
    {
        var report = TestReports.Xiyuan2020() with { Year = 2021 };

        Exactly(Validate(report),
            Error(Mismatch, null, null, null, "2021", "2019", "2021年度报告应使用2021年版格式，实际使用2019年版格式"));
    }

    [Fact]
    public void Format_2021_for_a_2020_report_is_a_mismatch()
    {
        var report = TestReports.Quangang2023() with { Year = 2020, PublishedOn = null };

        Exactly(Validate(report),
            Error(Mismatch, null, null, null, "2019", "2021", "2020年度报告应使用2019年版格式，实际使用2021年版格式"));
    }

    [Fact]
    public void Legacy_format_for_a_2019_report_is_a_mismatch()
    {
        var report = TestReports.Qingyang2018() with { Year = 2019 };

        Exactly(Validate(report),
            Error(Mismatch, null, null, null, "2019", "legacy", "2019年度报告应使用2019年版格式，实际使用2018年及以前（存档）"));
    }

    [Fact]
    public void Format_2019_for_a_2018_report_is_a_mismatch()
    {
        var report = TestReports.Xiyuan2020() with { Year = 2018 };

        Exactly(Validate(report),
            Error(Mismatch, null, null, null, "legacy", "2019", "2018年度报告应使用2018年及以前（存档），实际使用2019年版格式"));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    public void Format_2019_matches_2019_and_2020(int year) => Clean(TestReports.Xiyuan2020() with { Year = year });

    [Theory]
    [InlineData(2021)]
    [InlineData(2023)]
    [InlineData(2030)]
    public void Format_2021_matches_2021_on(int year) => Clean(TestReports.Quangang2023() with { Year = year, PublishedOn = null });

    [Theory]
    [InlineData(2008)]
    [InlineData(2018)]
    public void Legacy_matches_2018_and_earlier(int year) => Clean(TestReports.Qingyang2018() with { Year = year });
}
