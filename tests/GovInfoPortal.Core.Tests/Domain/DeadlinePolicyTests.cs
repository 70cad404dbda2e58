using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Tests.Domain;

/// <summary>The deadline: January 31 of the following year; a people's government's own report March 31 (DESIGN §2).</summary>
public class DeadlinePolicyTests
{
    [Theory]
    [InlineData(OrganizationKind.Township, 2020, 2021, 1, 31)]
    [InlineData(OrganizationKind.Department, 2023, 2024, 1, 31)]
    [InlineData(OrganizationKind.PeoplesGovernment, 2023, 2024, 3, 31)]
    [InlineData(OrganizationKind.PeoplesGovernment, 2018, 2019, 3, 31)]
    public void Default_deadlines(OrganizationKind kind, int reportYear, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DeadlinePolicy.Default.DeadlineFor(kind, reportYear));
    }

    [Fact]
    public void Deadline_is_configurable_per_kind_with_january_31_otherwise()
    {
        var policy = new DeadlinePolicy(new Dictionary<OrganizationKind, (int Month, int Day)>
        {
            [OrganizationKind.Department] = (2, 15),
        });

        Assert.Equal(new DateOnly(2024, 2, 15), policy.DeadlineFor(OrganizationKind.Department, 2023));
        Assert.Equal(new DateOnly(2024, 1, 31), policy.DeadlineFor(OrganizationKind.PeoplesGovernment, 2023));
        Assert.Equal(new DateOnly(2024, 1, 31), policy.DeadlineFor(OrganizationKind.Township, 2023));
    }

    [Fact]
    public void A_day_past_the_end_of_the_month_falls_on_its_last_day()
    {
        var policy = new DeadlinePolicy(new Dictionary<OrganizationKind, (int Month, int Day)>
        {
            [OrganizationKind.Township] = (2, 29),
        });

        Assert.Equal(new DateOnly(2023, 2, 28), policy.DeadlineFor(OrganizationKind.Township, 2022));
        Assert.Equal(new DateOnly(2024, 2, 29), policy.DeadlineFor(OrganizationKind.Township, 2023));
    }
}

public class LatenessTests
{
    private static readonly DateOnly Due = new(2025, 1, 31);

    [Theory]
    [InlineData("2025-01-31", null, Lateness.OnTime)]
    [InlineData("2025-02-01", null, Lateness.PublishedLate)]
    [InlineData(null, "2025-01-31", Lateness.OnTime)]
    [InlineData(null, "2025-02-01", Lateness.OverdueUnpublished)]
    [InlineData(null, null, Lateness.OnTime)]
    [InlineData("2025-01-20", "2025-03-01", Lateness.OnTime)]
    public void Lateness_is_one_rule(string? publishedOn, string? today, Lateness expected)
    {
        static DateOnly? Parse(string? date) => date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Latenesses.Of(Due, Parse(publishedOn), Parse(today)));
    }

    [Fact]
    public void Lateness_reads_as_the_pages_write_it()
    {
        Assert.Equal(("（已逾期）", "（逾期发布）", ""), (Lateness.OverdueUnpublished.Suffix(), Lateness.PublishedLate.Suffix(), Lateness.OnTime.Suffix()));
    }
}
