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
