using GovInfoPortal.Core.Interchange;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary><c>applications.rowTotal</c>, <c>applications.handledTotal</c>, <c>applications.balance</c> (表三).</summary>
public class ApplicationsRulesTests
{
    private const string RowTotal = "applications.rowTotal";
    private const string HandledTotal = "applications.handledTotal";
    private const string Balance = "applications.balance";
    private const string Table = "applications";

    /// <summary>The rows whose sum is （七）总计 in each format (DESIGN §4).</summary>
    public static TheoryData<string, string> OutcomeRows()
    {
        string[] shared =
        [
            "granted", "partiallyGranted",
            "denied.stateSecret", "denied.prohibitedByLaw", "denied.endangersSafety", "denied.thirdPartyRights",
            "denied.internalAffairs", "denied.processInformation", "denied.enforcementFiles", "denied.inquiryMatters",
            "unavailable.notHeld", "unavailable.needsCreation", "unavailable.stillUnclear",
            "notProcessed.petition", "notProcessed.duplicate", "notProcessed.publication", "notProcessed.excessive",
            "notProcessed.confirmation",
        ];
        var data = new TheoryData<string, string>();
        foreach (var row in shared.Append("otherHandling.noCorrection").Append("otherHandling.feeUnpaid").Append("otherHandling.other"))
        {
            data.Add("2021", row);
        }

        foreach (var row in shared.Append("otherHandling"))
        {
            data.Add("2019", row);
        }

        return data;
    }

    private static ReportDocument Example(string format) =>
        format == "2021" ? TestReports.Quangang2023() : TestReports.Xiyuan2020();

    // applications.rowTotal

    [Fact]
    public void Row_total_above_the_applicant_sum_in_2021()
    {
        var report = TestReports.Quangang2023().WithApplications("granted", "total", 21m);

        Exactly(Validate(report),
            Error(RowTotal, Table, "granted", "total", 20m, 21m, "表三（一）予以公开·总计：填报 21，按各类申请人合计应为 20"),
            Error(HandledTotal, Table, "handledTotal", "total", 27m, 26m, "表三（七）总计·总计：填报 26，按分项合计应为 27"));
    }

    [Fact]
    public void Row_total_of_a_grouped_row_in_2021()
    {
        var report = TestReports.Quangang2023().WithApplications("denied.internalAffairs", "legalService", 1m);

        Exactly(Validate(report),
            Error(RowTotal, Table, "denied.internalAffairs", "total", 2m, 1m, "表三（三）不予公开5.属于三类内部事务信息·总计：填报 1，按各类申请人合计应为 2"),
            Error(HandledTotal, Table, "handledTotal", "legalService", 1m, 0m, "表三（七）总计·法律服务机构：填报 0，按分项合计应为 1"));
    }

    [Fact]
    public void Row_total_of_carried_forward_in_2019()
    {
        var report = TestReports.Xiyuan2020().WithApplications("carriedForward", "total", 2m);

        Exactly(Validate(report),
            Error(RowTotal, Table, "carriedForward", "total", 0m, 2m, "表三四、结转下年度继续办理·总计：填报 2，按各类申请人合计应为 0"),
            Error(Balance, Table, null, "total", 0m, 2m, "表三·总计：本年新收与上年结转之和为 0，办理结果总计与结转下年度之和为 2，两者应相等"));
    }

    [Fact]
    public void Row_total_below_the_applicant_sum_in_2019()
    {
        var report = TestReports.Xiyuan2020().WithApplications("newlyReceived", "nonProfit", 3m);

        Exactly(Validate(report),
            Error(RowTotal, Table, "newlyReceived", "total", 3m, 0m, "表三一、本年新收政府信息公开申请数量·总计：填报 0，按各类申请人合计应为 3"),
            Error(Balance, Table, null, "nonProfit", 3m, 0m, "表三·社会公益组织：本年新收与上年结转之和为 3，办理结果总计与结转下年度之和为 0，两者应相等"));
    }

    [Fact]
    public void Row_totals_that_add_up_pass_in_both_formats()
    {
        // Moving a request from one applicant column to another keeps every total right.
        Clean(TestReports.Quangang2023()
            .WithApplications("newlyReceived", "naturalPerson", 25m).WithApplications("newlyReceived", "research", 1m)
            .WithApplications("granted", "naturalPerson", 19m).WithApplications("granted", "research", 1m)
            .WithApplications("handledTotal", "naturalPerson", 25m).WithApplications("handledTotal", "research", 1m));
        Clean(TestReports.Xiyuan2020()
            .WithApplications("newlyReceived", "otherOrg", 2m).WithApplications("newlyReceived", "total", 2m)
            .WithApplications("carriedForward", "otherOrg", 2m).WithApplications("carriedForward", "total", 2m));
    }

    // applications.handledTotal

    [Fact]
    public void Handled_total_of_the_design_example_with_2019_single_other_handling_row()
    {
        var report = TestReports.Xiyuan2020()
            .WithApplications("otherHandling", "naturalPerson", 1m).WithApplications("otherHandling", "total", 1m);

        Exactly(Validate(report),
            Error(HandledTotal, Table, "handledTotal", "naturalPerson", 1m, 0m, "表三（七）总计·自然人：填报 0，按分项合计应为 1"),
            Error(HandledTotal, Table, "handledTotal", "total", 1m, 0m, "表三（七）总计·总计：填报 0，按分项合计应为 1"));
    }

    [Theory]
    [InlineData("otherHandling.noCorrection")]
    [InlineData("otherHandling.feeUnpaid")]
    [InlineData("otherHandling.other")]
    public void Handled_total_counts_each_2021_other_handling_sub_row(string row)
    {
        var report = TestReports.Quangang2023().WithApplications(row, "naturalPerson", 1m).WithApplications(row, "total", 1m);

        Exactly(Validate(report),
            Error(HandledTotal, Table, "handledTotal", "naturalPerson", 27m, 26m, "表三（七）总计·自然人：填报 26，按分项合计应为 27"),
            Error(HandledTotal, Table, "handledTotal", "total", 27m, 26m, "表三（七）总计·总计：填报 26，按分项合计应为 27"));
    }

    [Theory]
    [MemberData(nameof(OutcomeRows))]
    public void Every_outcome_row_counts_in_the_handled_total(string format, string row)
    {
        var report = Example(format);
        var handled = report.Applications["handledTotal", "commercial"]!.Value;
        var changed = report.WithApplications(row, "commercial", report.Applications[row, "commercial"] + 1)
            .WithApplications(row, "total", report.Applications[row, "total"] + 1);

        var findings = Validate(changed);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(HandledTotal, f.Rule));
        Assert.Contains(Error(HandledTotal, Table, "handledTotal", "commercial", handled + 1, handled,
            $"表三（七）总计·商业企业：填报 {handled}，按分项合计应为 {handled + 1}"), findings);

        // Stating the new request and its outcome everywhere makes the report clean again.
        Clean(changed
            .WithApplications("handledTotal", "commercial", handled + 1)
            .WithApplications("handledTotal", "total", report.Applications["handledTotal", "total"] + 1)
            .WithApplications("newlyReceived", "commercial", report.Applications["newlyReceived", "commercial"] + 1)
            .WithApplications("newlyReceived", "total", report.Applications["newlyReceived", "total"] + 1));
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    public void Rows_outside_the_outcomes_do_not_count_in_the_handled_total(string format)
    {
        // One more request received and carried forward: the handled total stays right.
        var report = Example(format);
        Clean(report
            .WithApplications("newlyReceived", "legalService", 1m).WithApplications("newlyReceived", "total", report.Applications["newlyReceived", "total"] + 1)
            .WithApplications("carriedForward", "legalService", 1m).WithApplications("carriedForward", "total", 1m));
    }

    // applications.balance

    [Fact]
    public void Balance_off_when_more_received_than_dealt_with_in_2021()
    {
        var report = TestReports.Quangang2023()
            .WithApplications("newlyReceived", "naturalPerson", 27m).WithApplications("newlyReceived", "total", 27m);

        Exactly(Validate(report),
            Error(Balance, Table, null, "naturalPerson", 27m, 26m, "表三·自然人：本年新收与上年结转之和为 27，办理结果总计与结转下年度之和为 26，两者应相等"),
            Error(Balance, Table, null, "total", 27m, 26m, "表三·总计：本年新收与上年结转之和为 27，办理结果总计与结转下年度之和为 26，两者应相等"));
    }

    [Fact]
    public void Balance_off_when_carried_over_is_not_dealt_with_in_2019()
    {
        var report = TestReports.Xiyuan2020()
            .WithApplications("carriedOver", "research", 1m).WithApplications("carriedOver", "total", 1m);

        Exactly(Validate(report),
            Error(Balance, Table, null, "research", 1m, 0m, "表三·科研机构：本年新收与上年结转之和为 1，办理结果总计与结转下年度之和为 0，两者应相等"),
            Error(Balance, Table, null, "total", 1m, 0m, "表三·总计：本年新收与上年结转之和为 1，办理结果总计与结转下年度之和为 0，两者应相等"));
    }

    [Fact]
    public void Balance_holds_when_carried_over_is_carried_forward()
    {
        Clean(TestReports.Quangang2023()
            .WithApplications("carriedOver", "naturalPerson", 3m).WithApplications("carriedOver", "total", 3m)
            .WithApplications("carriedForward", "naturalPerson", 3m).WithApplications("carriedForward", "total", 3m));
    }

    [Fact]
    public void Handled_total_cell_off_breaks_row_total_handled_total_and_balance_each_once()
    {
        var report = TestReports.Quangang2023().WithApplications("handledTotal", "naturalPerson", 25m);

        Exactly(Validate(report),
            Error(RowTotal, Table, "handledTotal", "total", 25m, 26m, "表三（七）总计·总计：填报 26，按各类申请人合计应为 25"),
            Error(HandledTotal, Table, "handledTotal", "naturalPerson", 26m, 25m, "表三（七）总计·自然人：填报 25，按分项合计应为 26"),
            Error(Balance, Table, null, "naturalPerson", 26m, 25m, "表三·自然人：本年新收与上年结转之和为 26，办理结果总计与结转下年度之和为 25，两者应相等"));
    }

    [Fact]
    public void Sum_rules_do_not_run_over_an_empty_cell()
    {
        var report = TestReports.Quangang2023().WithApplications("handledTotal", "naturalPerson", null);

        Exactly(Validate(report),
            Error("values.missing", Table, "handledTotal", "naturalPerson", null, null, "表三（七）总计·自然人：未填写（没有数据的请填 0）"));
    }
}
