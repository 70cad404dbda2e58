using System.Text.RegularExpressions;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>Browsing and search page through more reports than a page holds: page 2 lists other reports than page 1.</summary>
public sealed partial class PublicPagingTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [GeneratedRegex("href=\"(/reports/PAGING\\d+/2023)\"")]
    private static partial Regex ReportLink();

    private static async Task<HashSet<string>> ReportsListedAsync(HttpClient client, string address)
    {
        var html = await client.GetStringAsync(address);
        return [.. ReportLink().Matches(html).Select(m => m.Groups[1].Value)];
    }

    [Theory, SqliteData]
    public async Task Page_two_of_browse_and_of_search_lists_other_reports_than_page_one(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions
            {
                Organizations = 80, FirstYear = 2023, LastYear = 2023, ErrorShare = 0, CodePrefix = "PAGING",
            });
        }

        await using var portal = new PortalFactory(database);
        using var client = portal.CreateClient();
        foreach (var list in new[] { "/reports?year=2023", "/search?q=" + Uri.EscapeDataString("公开") + "&year=2023" })
        {
            var first = await ReportsListedAsync(client, list);
            var second = await ReportsListedAsync(client, list + "&page=2");
            Assert.NotEmpty(first);
            Assert.NotEmpty(second);
            Assert.Empty(first.Intersect(second));
        }
    }
}
