using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary><c>crossYear.carriedOver</c>, <c>crossYear.inForce</c> (2021), <c>crossYear.previousCount</c> (2019).</summary>
public class CrossYearRulesTests
{
    private const string CarriedOver = "crossYear.carriedOver";
    private const string InForce = "crossYear.inForce";
    private const string PreviousCount = "crossYear.previousCount";
    private const string Disclosure = TableCodes.ActiveDisclosure;

    // crossYear.carriedOver

    [Fact]
    public void Carried_over_differs_from_last_years_carried_forward_across_formats()
    {
        var lastYear = TestReports.Xiyuan2020().WithApplications("carriedForward", "naturalPerson", 1m);

        Exactly(Validate(TestReports.Xiyuan2021(), lastYear),
            Warning(CarriedOver, "applications", "carriedOver", "naturalPerson", 1m, 0m,
                "表三二、上年结转政府信息公开申请数量·自然人：填报 0，上一年度报告“结转下年度继续办理”为 1"));
    }

    [Fact]
    public void Carried_over_checks_every_column_including_the_total()
    {
        // This year is consistent in itself; only last year's figures disagree.
        var report = TestReports.Xiyuan2021()
            .WithApplications("carriedOver", "nonProfit", 2m).WithApplications("carriedOver", "total", 2m)
            .WithApplications("carriedForward", "nonProfit", 2m).WithApplications("carriedForward", "total", 2m);

        Exactly(Validate(report, TestReports.Xiyuan2020()),
            Warning(CarriedOver, "applications", "carriedOver", "nonProfit", 0m, 2m,
                "表三二、上年结转政府信息公开申请数量·社会公益组织：填报 2，上一年度报告“结转下年度继续办理”为 0"),
            Warning(CarriedOver, "applications", "carriedOver", "total", 0m, 2m,
                "表三二、上年结转政府信息公开申请数量·总计：填报 2，上一年度报告“结转下年度继续办理”为 0"));
    }

    [Fact]
    public void Carried_over_equal_to_last_years_carried_forward_passes()
    {
        var lastYear = TestReports.Xiyuan2020()
            .WithApplications("newlyReceived", "naturalPerson", 2m).WithApplications("newlyReceived", "total", 2m)
            .WithApplications("carriedForward", "naturalPerson", 2m).WithApplications("carriedForward", "total", 2m);
        Clean(lastYear);

        var report = TestReports.Xiyuan2021()
            .WithApplications("carriedOver", "naturalPerson", 2m).WithApplications("carriedOver", "total", 2m)
            .WithApplications("granted", "naturalPerson", 2m).WithApplications("granted", "total", 2m)
            .WithApplications("handledTotal", "naturalPerson", 2m).WithApplications("handledTotal", "total", 2m);

        Clean(report, lastYear);
    }

    [Fact]
    public void Carried_over_mismatch_between_two_2019_reports()
    {
        var lastYear = TestReports.Xiyuan2020().AsYear(2019).WithApplications("carriedForward", "total", 4m);

        Exactly(Validate(TestReports.Xiyuan2020(), lastYear),
            Warning(CarriedOver, "applications", "carriedOver", "total", 4m, 0m,
                "表三二、上年结转政府信息公开申请数量·总计：填报 0，上一年度报告“结转下年度继续办理”为 4"));
    }

    [Fact]
    public void Cross_year_rules_need_the_report_of_the_year_before()
    {
        var twoYearsBefore = TestReports.Xiyuan2020().AsYear(2019).WithApplications("carriedForward", "naturalPerson", 1m);

        Clean(TestReports.Xiyuan2021(), twoYearsBefore);
    }

    [Fact]
    public void Cross_year_rules_do_not_run_over_a_legacy_last_year()
    {
        Clean(TestReports.Xiyuan2020() with { Year = 2019 }, TestReports.Qingyang2018());
    }

    // crossYear.inForce

    private static Core.Interchange.ReportDocument Quangang2022(decimal normativeInForce) =>
        TestReports.Quangang2023().AsYear(2022).WithCell(Disclosure, "normativeDocuments", "inForce", normativeInForce);

    [Fact]
    public void In_force_equal_to_last_year_plus_made_minus_repealed_passes()
    {
        // 216 = 243 + 11 − 38
        Clean(TestReports.Quangang2023(), Quangang2022(243m));
    }

    [Fact]
    public void In_force_off_from_last_year_plus_made_minus_repealed()
    {
        Exactly(Validate(TestReports.Quangang2023(), Quangang2022(240m)),
            Warning(InForce, Disclosure, "normativeDocuments", "inForce", 213m, 216m,
                "表二行政规范性文件·现行有效件数：填报 216，按上年现行有效 240 件加本年制发 11 件减本年废止 38 件应为 213"));
    }

    [Fact]
    public void In_force_of_rules_not_updated_after_making_one()
    {
        var report = TestReports.Quangang2023().WithCell(Disclosure, "rules", "made", 2m);

        Exactly(Validate(report, Quangang2022(243m)),
            Warning(InForce, Disclosure, "rules", "inForce", 2m, 0m,
                "表二规章·现行有效件数：填报 0，按上年现行有效 0 件加本年制发 2 件减本年废止 0 件应为 2"));
    }

    [Fact]
    public void In_force_is_not_checked_against_a_2019_format_last_year()
    {
        Clean(TestReports.Xiyuan2021().WithCell(Disclosure, "normativeDocuments", "inForce", 5m), TestReports.Xiyuan2020());
    }

    // crossYear.previousCount

    [Fact]
    public void Previous_count_off_from_last_years_previous_plus_change()
    {
        var lastYear = TestReports.Xiyuan2020().AsYear(2019)
            .WithCell(Disclosure, "licensing", "previous", 5m).WithCell(Disclosure, "licensing", "change", -2m);

        Exactly(Validate(TestReports.Xiyuan2020(), lastYear),
            Warning(PreviousCount, Disclosure, "licensing", "previous", 3m, 0m,
                "表二行政许可·上一年项目数量：填报 0，按上一年度报告的上一年项目数量 5 加本年增/减 -2 应为 3"));
    }

    [Fact]
    public void Previous_count_of_fees_off_from_last_year()
    {
        var lastYear = TestReports.Xiyuan2020().AsYear(2019).WithCell(Disclosure, "fees", "change", 1m);

        Exactly(Validate(TestReports.Xiyuan2020(), lastYear),
            Warning(PreviousCount, Disclosure, "fees", "previous", 1m, 0m,
                "表二行政事业性收费·上一年项目数量：填报 0，按上一年度报告的上一年项目数量 0 加本年增/减 1 应为 1"));
    }

    [Fact]
    public void Previous_count_equal_to_last_years_previous_plus_change_passes()
    {
        var lastYear = TestReports.Xiyuan2020().AsYear(2019)
            .WithCell(Disclosure, "licensing", "previous", 5m).WithCell(Disclosure, "licensing", "change", -2m)
            .WithCell(Disclosure, "fees", "change", 1m);
        var report = TestReports.Xiyuan2020()
            .WithCell(Disclosure, "licensing", "previous", 3m)
            .WithCell(Disclosure, "fees", "previous", 1m);

        Clean(report, lastYear);
    }
}
