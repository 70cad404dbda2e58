using System.Net;
using System.Text.RegularExpressions;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Review;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>The review dashboard pages through a subtree larger than a page: page 2 shows the bodies page 1 does not.</summary>
public sealed partial class DashboardPagingTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [GeneratedRegex("分页街道\\d{2}")]
    private static partial Regex StreetName();

    /// <summary>The bodies named in the dashboard's table (the scope choice list names them all).</summary>
    private static async Task<HashSet<string>> RowNamesAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var table = html[html.IndexOf("<table", StringComparison.Ordinal)..html.LastIndexOf("</table>", StringComparison.Ordinal)];
        return [.. StreetName().Matches(table).Select(m => m.Value)];
    }

    [Fact]
    public async Task Page_two_of_the_dashboard_shows_other_bodies()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        await using var portal = new ClerkPortal(database, demo: false);
        var city = await portal.CreateOrganizationAsync("分页市", kind: OrganizationKind.PeoplesGovernment);
        for (var i = 1; i <= ReviewDashboard.PageSize + 5; i++)
        {
            await portal.CreateOrganizationAsync($"分页街道{i:00}", city.Id);
        }

        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);

        var first = await reviewer.GetAsync("/review?year=2025");
        var second = await reviewer.GetAsync("/review?year=2025&p=2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstNames = await RowNamesAsync(first);
        var secondNames = await RowNamesAsync(second);
        Assert.NotEmpty(secondNames);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.Equal(ReviewDashboard.PageSize + 5, firstNames.Count + secondNames.Count);
    }
}
