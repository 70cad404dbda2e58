using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>The three reference reports are clean: no finding at all.</summary>
public class CleanReportTests
{
    [Fact]
    public void Quangang_2023_in_format_2021_is_clean()
    {
        var report = TestReports.Quangang2023();
        Assert.Equal(ReportFormat.Format2021, report.Format);
        Clean(report);
    }

    [Fact]
    public void Quangang_2023_is_clean_with_its_deadline_as_a_peoples_government()
    {
        var report = TestReports.Quangang2023();
        Assert.Equal(new DateOnly(2024, 1, 10), report.PublishedOn);

        Assert.Empty(Validate(new ReportValidationContext(report, Today: new DateOnly(2024, 6, 1),
            OrganizationKind: report.Organization.EffectiveKind)));
    }

    [Fact]
    public void Xiyuan_2020_in_format_2019_is_clean()
    {
        var report = TestReports.Xiyuan2020();
        Assert.Equal(ReportFormat.Format2019, report.Format);
        Clean(report);
    }

    [Fact]
    public void Qingyang_2018_legacy_report_with_its_annex_figures_is_clean()
    {
        var report = TestReports.Qingyang2018();
        Assert.Equal(158m, report.LegacyFigures["主动公开文件数"]);
        Assert.Equal(1m, report.LegacyFigures["受理政府信息公开申请总数"]);
        Clean(report);
    }

    [Fact]
    public void A_following_year_consistent_with_last_year_is_clean()
    {
        Clean(TestReports.Xiyuan2021(), TestReports.Xiyuan2020());
        Clean(TestReports.Xiyuan2020(), TestReports.Xiyuan2020().AsYear(2019));
    }

    [Fact]
    public void Xiyuan_2021_like_report_is_clean_on_its_own()
    {
        var report = TestReports.Xiyuan2021();
        Assert.Equal(ReportFormat.Format2021, report.Format);
        Assert.Equal(2021, report.Year);
        Clean(report);
    }
}
