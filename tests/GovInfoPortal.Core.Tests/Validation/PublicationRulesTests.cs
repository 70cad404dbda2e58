using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary><c>publication.late</c>, with the deadline of <see cref="DeadlinePolicy"/>.</summary>
public class PublicationRulesTests
{
    private const string Late = "publication.late";

    private static IReadOnlyList<Finding> Published(OrganizationKind kind, DateOnly publishedOn, bool xiyuan = true)
    {
        var report = (xiyuan ? TestReports.Xiyuan2020() : TestReports.Quangang2023()) with { PublishedOn = publishedOn };
        return Validate(new ReportValidationContext(report, OrganizationKind: kind));
    }

    [Fact]
    public void Township_published_after_january_31_is_late()
    {
        Exactly(Published(OrganizationKind.Township, new DateOnly(2021, 2, 1)),
            Warning(Late, null, null, null, "2021-01-31", "2021-02-01", "报告于 2021年2月1日 发布，晚于规定期限 2021年1月31日"));
    }

    [Fact]
    public void Department_published_in_march_is_late()
    {
        Exactly(Published(OrganizationKind.Department, new DateOnly(2021, 3, 15)),
            Warning(Late, null, null, null, "2021-01-31", "2021-03-15", "报告于 2021年3月15日 发布，晚于规定期限 2021年1月31日"));
    }

    [Theory]
    [InlineData(2021, 1, 31)]
    [InlineData(2021, 1, 5)]
    public void Township_published_by_january_31_is_on_time(int year, int month, int day)
    {
        Assert.Empty(Published(OrganizationKind.Township, new DateOnly(year, month, day)));
    }

    [Fact]
    public void Peoples_government_has_until_march_31()
    {
        Assert.Empty(Published(OrganizationKind.PeoplesGovernment, new DateOnly(2024, 1, 10), xiyuan: false));
        Assert.Empty(Published(OrganizationKind.PeoplesGovernment, new DateOnly(2024, 3, 31), xiyuan: false));
        Exactly(Published(OrganizationKind.PeoplesGovernment, new DateOnly(2024, 4, 1), xiyuan: false),
            Warning(Late, null, null, null, "2024-03-31", "2024-04-01", "报告于 2024年4月1日 发布，晚于规定期限 2024年3月31日"));
    }

    [Fact]
    public void Same_date_is_late_for_a_township_but_not_for_a_peoples_government()
    {
        var publishedOn = new DateOnly(2024, 2, 15);
        Assert.Empty(Published(OrganizationKind.PeoplesGovernment, publishedOn, xiyuan: false));
        Exactly(Published(OrganizationKind.Township, publishedOn, xiyuan: false),
            Warning(Late, null, null, null, "2024-01-31", "2024-02-15", "报告于 2024年2月15日 发布，晚于规定期限 2024年1月31日"));
    }

    [Fact]
    public void Unpublished_report_past_its_deadline_is_late()
    {
        var report = TestReports.Xiyuan2020();
        Assert.Null(report.PublishedOn);

        Exactly(Validate(new ReportValidationContext(report, Today: new DateOnly(2021, 2, 1), OrganizationKind: OrganizationKind.Township)),
            Warning(Late, null, null, null, "2021-01-31", null, "报告尚未发布，已超过规定期限 2021年1月31日"));
    }

    [Fact]
    public void Unpublished_report_not_yet_past_its_deadline_is_not_late()
    {
        var report = TestReports.Xiyuan2020();

        Assert.Empty(Validate(new ReportValidationContext(report, Today: new DateOnly(2021, 1, 31), OrganizationKind: OrganizationKind.Township)));
        Assert.Empty(Validate(new ReportValidationContext(report, Today: new DateOnly(2021, 3, 31), OrganizationKind: OrganizationKind.PeoplesGovernment)));
    }

    [Fact]
    public void Without_a_deadline_publication_is_not_checked()
    {
        var report = TestReports.Xiyuan2020() with { PublishedOn = new DateOnly(2022, 6, 1) };

        Clean(report);
        Assert.Empty(Validate(new ReportValidationContext(report, Today: new DateOnly(2022, 6, 1))));
    }

    [Fact]
    public void An_explicit_deadline_overrides_the_policy()
    {
        var report = TestReports.Xiyuan2020() with { PublishedOn = new DateOnly(2021, 1, 20) };

        Exactly(Validate(new ReportValidationContext(report, Deadline: new DateOnly(2021, 1, 15), OrganizationKind: OrganizationKind.Township)),
            Warning(Late, null, null, null, "2021-01-15", "2021-01-20", "报告于 2021年1月20日 发布，晚于规定期限 2021年1月15日"));
    }

    [Fact]
    public void The_service_uses_the_deadline_policy_it_is_given()
    {
        var policy = new DeadlinePolicy(new Dictionary<OrganizationKind, (int Month, int Day)> { [OrganizationKind.Township] = (2, 28) });
        var service = new ReportValidationService(policy);
        var report = TestReports.Xiyuan2020() with { PublishedOn = new DateOnly(2021, 2, 20) };

        Assert.Empty(service.Validate(new ReportValidationContext(report, OrganizationKind: OrganizationKind.Township)).Findings);
        Exactly(service.Validate(new ReportValidationContext(report, OrganizationKind: OrganizationKind.Department)).Findings,
            Warning(Late, null, null, null, "2021-01-31", "2021-02-20", "报告于 2021年2月20日 发布，晚于规定期限 2021年1月31日"));
    }
}
