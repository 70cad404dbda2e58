using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Tests.Domain;

/// <summary>The report's workflow: Draft → Submitted → (Returned → Submitted)* → Approved → Published (DESIGN §2).</summary>
public class AnnualReportTests
{
    private static readonly DateTime Now = new(2024, 2, 5, 8, 0, 0, DateTimeKind.Utc); // after the publication dates the tests use: a report cannot be published on a later day

    private static readonly Actor Reviewer = new("reviewer-1", "审核员");

    private static readonly Organization Township = new("晋江市西园街道办事处", "350582100", OrganizationKind.Township);

    private static AnnualReport Draft(int year = 2023) => AnnualReport.Start(Township, year, Now);

    private static AnnualReport Submitted()
    {
        var report = Draft();
        report.SignOff("张三", Now);
        report.SubmitWithoutChecks(Now);
        return report;
    }

    private static AnnualReport Approved()
    {
        var report = Submitted();
        report.Approve(Now);
        return report;
    }

    private static AnnualReport Published()
    {
        var report = Approved();
        report.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Reviewer, Now);
        return report;
    }

    private static void Refused(Action step, string message) =>
        Assert.Equal(message, Assert.Throws<ReportWorkflowException>(step).Message);

    [Theory]
    [InlineData(2018, ReportFormat.Legacy)]
    [InlineData(2019, ReportFormat.Format2019)]
    [InlineData(2020, ReportFormat.Format2019)]
    [InlineData(2021, ReportFormat.Format2021)]
    [InlineData(2023, ReportFormat.Format2021)]
    public void Start_takes_the_format_of_its_year(int year, ReportFormat format)
    {
        var report = Draft(year);

        Assert.Equal(format, report.Format);
        Assert.Equal(year, report.Year);
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Same(Township, report.Organization);
        Assert.True(report.IsEditable);
        Assert.Equal(0, report.Version);
        Assert.Equal(Now, report.CreatedAt);
        Assert.Null(report.PublishedOn);
        Assert.Equal(ReportSections.Empty, report.Sections);
        Assert.True(report.Applications.IsEmpty);
    }

    [Theory]
    [InlineData(2007)]
    [InlineData(2101)]
    public void Start_refuses_years_out_of_range(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Draft(year));
    }

    [Fact]
    public void Submit_requires_the_signer()
    {
        var report = Draft();

        Refused(() => report.SubmitWithoutChecks(Now), "提交前请填写签发人。");
        Assert.Equal(ReportStatus.Draft, report.Status);

        report.SignOff("  张三 ", Now);
        report.SubmitWithoutChecks(Now);
        Assert.Equal("张三", report.SignedBy);
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void Legacy_report_is_submitted_without_a_signer()
    {
        var report = Draft(2018);

        report.SubmitWithoutChecks(Now);

        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void Sign_off_refuses_blank_and_too_long_names()
    {
        var report = Draft();

        Assert.ThrowsAny<ArgumentException>(() => report.SignOff(" ", Now));
        Assert.ThrowsAny<ArgumentException>(() => report.SignOff(new string('张', AnnualReport.SignedByMaxLength + 1), Now));
        Assert.Null(report.SignedBy);
    }

    [Fact]
    public void Full_workflow_with_a_return_ends_published()
    {
        var report = Submitted();

        report.Return(ReportParts.General, "请补充说明。", Reviewer, Now);
        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.True(report.IsEditable);

        report.UpdateSections(new ReportSections("（示例）改写后的总体情况", "无。", "无。"), Now);
        report.SubmitWithoutChecks(Now);
        report.Approve(Now);
        Assert.Equal(ReportStatus.Approved, report.Status);
        Assert.False(report.IsEditable);

        report.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Reviewer, Now);
        Assert.Equal(ReportStatus.Published, report.Status);
        Assert.Equal(new DateOnly(2024, 1, 20), report.PublishedOn);
    }

    [Fact]
    public void Return_only_from_submitted()
    {
        Refused(() => Draft().Return(ReportParts.General, "请补充说明。", Reviewer, Now), "报告当前状态为“草稿”，不能退回。");
        Refused(() => Approved().Return(ReportParts.General, "请补充说明。", Reviewer, Now), "报告当前状态为“已审核通过”，不能退回。");
        Refused(() => Published().Return(ReportParts.General, "请补充说明。", Reviewer, Now), "报告当前状态为“已发布”，不能退回。");
    }

    [Fact]
    public void Approve_only_from_submitted()
    {
        Refused(() => Draft().Approve(Now), "报告当前状态为“草稿”，不能审核通过。");
        var returned = Submitted();
        returned.Return(ReportParts.General, "请补充说明。", Reviewer, Now);
        Refused(() => returned.Approve(Now), "报告当前状态为“已退回”，不能审核通过。");
        Refused(() => Approved().Approve(Now), "报告当前状态为“已审核通过”，不能审核通过。");
    }

    [Fact]
    public void Publish_only_from_approved()
    {
        var draft = Draft();
        Refused(() => draft.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Reviewer, Now), "报告当前状态为“草稿”，不能发布。");
        Assert.Null(draft.PublishedOn);
        Refused(() => Submitted().Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Reviewer, Now), "报告当前状态为“已提交”，不能发布。");
        Refused(() => Published().Publish(new DateOnly(2024, 2, 1), secrecyReviewConfirmed: true, Reviewer, Now), "报告当前状态为“已发布”，不能发布。");
    }

    [Fact]
    public void Submit_only_from_draft_or_returned()
    {
        Refused(() => Submitted().SubmitWithoutChecks(Now), "报告当前状态为“已提交”，不能提交。");
        Refused(() => Approved().SubmitWithoutChecks(Now), "报告当前状态为“已审核通过”，不能提交。");
        Refused(() => Published().SubmitWithoutChecks(Now), "报告当前状态为“已发布”，不能提交。");
    }

    [Fact]
    public void Submitted_report_cannot_be_edited()
    {
        var report = Submitted();
        var version = report.Version;
        const string Message = "报告当前状态为“已提交”，不能修改。";

        Refused(() => report.UpdateSections(new ReportSections("改", "改", "改"), Now), Message);
        Refused(() => report.UpdateTable(TableCodes.Applications, ReportTable.Empty.With("granted", "total", 1m), Now), Message);
        Refused(() => report.SignOff("李四", Now), Message);
        Refused(() => report.UpdateLegacy("x.pdf", TableRow.Empty, Now), Message);

        Assert.Equal(ReportSections.Empty, report.Sections);
        Assert.True(report.Applications.IsEmpty);
        Assert.Equal("张三", report.SignedBy);
        Assert.Equal(version, report.Version);
    }

    [Fact]
    public void Approved_and_published_reports_cannot_be_edited()
    {
        Refused(() => Approved().UpdateSections(ReportSections.Empty, Now), "报告当前状态为“已审核通过”，不能修改。");
        Refused(() => Published().UpdateSections(ReportSections.Empty, Now), "已发布的报告不能直接修改，请通过更正流程。");
    }

    [Fact]
    public void Version_grows_on_each_change()
    {
        var report = Draft();
        var later = Now.AddHours(1);
        var versions = new List<int> { report.Version };

        report.UpdateSections(new ReportSections("（示例）总体情况", null, null), later);
        versions.Add(report.Version);
        report.UpdateTable(TableCodes.ActiveDisclosure, ReportTable.Empty.With("rules", "made", 1m), later);
        versions.Add(report.Version);
        report.UpdateTable(TableCodes.Applications, ReportTable.Empty.With("granted", "total", 1m), later);
        versions.Add(report.Version);
        report.UpdateTable(TableCodes.ReviewLitigation, ReportTable.Empty.With("review", "total", 0m), later);
        versions.Add(report.Version);
        report.SignOff("张三", later);
        versions.Add(report.Version);
        report.SubmitWithoutChecks(later);
        versions.Add(report.Version);
        report.Return(ReportParts.General, "请补充说明。", Reviewer, later);
        versions.Add(report.Version);
        report.SubmitWithoutChecks(later);
        versions.Add(report.Version);
        report.Approve(later);
        versions.Add(report.Version);
        report.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Reviewer, later);
        versions.Add(report.Version);

        Assert.Equal(Enumerable.Range(0, versions.Count), versions);
        Assert.Equal(later, report.UpdatedAt);
        Assert.Equal(Now, report.CreatedAt);
        Assert.Equal(1m, report.ActiveDisclosure["rules", "made"]);
        Assert.Equal(1m, report.Applications["granted", "total"]);
        Assert.Equal(0m, report.ReviewLitigation["review", "total"]);
    }

    [Fact]
    public void Update_table_refuses_an_unknown_table()
    {
        var report = Draft();

        Assert.Throws<ArgumentOutOfRangeException>(() => report.UpdateTable("sections", ReportTable.Empty, Now));
        Assert.Equal(0, report.Version);
    }

    [Fact]
    public void Legacy_document_and_figures_are_kept()
    {
        var report = Draft(2018);
        var figures = TestReports.Qingyang2018().LegacyFigures;

        report.UpdateLegacy("qingyang-street-2018.pdf", figures, Now);

        Assert.Equal("qingyang-street-2018.pdf", report.LegacyDocument);
        Assert.Equal(figures, report.LegacyFigures);
        Assert.Equal(1, report.Version);
        Assert.ThrowsAny<ArgumentException>(() => report.UpdateLegacy(new string('a', AnnualReport.DocumentNameMaxLength + 1) + ".pdf", figures, Now));
    }

    [Fact]
    public void Replace_content_takes_an_imported_document_whole()
    {
        var report = AnnualReport.Start(Township, 2020, Now);
        var document = TestReports.Xiyuan2020();

        report.ReplaceContent(document, null, TableRow.Empty, Now);

        Assert.Equal(document.Applications, report.Applications);
        Assert.Equal(document.ActiveDisclosure, report.ActiveDisclosure);
        Assert.Equal(document.ReviewLitigation, report.ReviewLitigation);
        Assert.Equal(document.Sections, report.Sections);
        Assert.Equal(1, report.Version);
    }

    [Fact]
    public void Replace_content_refuses_another_year_and_a_published_report()
    {
        Assert.ThrowsAny<ArgumentException>(() => Draft(2023).ReplaceContent(TestReports.Xiyuan2020(), null, TableRow.Empty, Now));

        var published = AnnualReport.Archived(Township, 2020, ReportFormat.Format2019, published: true, new DateOnly(2021, 1, 20), Now);
        Refused(() => published.ReplaceContent(TestReports.Xiyuan2020(), null, TableRow.Empty, Now), "已发布的报告不能直接修改，请通过更正流程。");
    }

    [Fact]
    public void Replace_content_refuses_a_report_under_review()
    {
        Refused(() => Submitted().ReplaceContent(TestReports.Xiyuan2020() with { Year = 2023 }, null, TableRow.Empty, Now),
            "报告当前状态为“已提交”，不能修改。");
        Refused(() => Approved().ReplaceContent(TestReports.Xiyuan2020() with { Year = 2023 }, null, TableRow.Empty, Now),
            "报告当前状态为“已审核通过”，不能修改。");
    }

    [Fact]
    public void Archived_report_keeps_its_format_and_publication()
    {
        var published = AnnualReport.Archived(Township, 2018, ReportFormat.Legacy, published: true, new DateOnly(2019, 1, 1), Now);
        Assert.Equal(ReportStatus.Published, published.Status);
        Assert.Equal(new DateOnly(2019, 1, 1), published.PublishedOn);
        Assert.Equal(ReportFormat.Legacy, published.Format);

        var draft = AnnualReport.Archived(Township, 2021, ReportFormat.Format2019, published: false, new DateOnly(2022, 1, 1), Now);
        Assert.Equal(ReportStatus.Draft, draft.Status);
        Assert.Null(draft.PublishedOn);
        Assert.Equal(ReportFormat.Format2019, draft.Format);
    }
}
