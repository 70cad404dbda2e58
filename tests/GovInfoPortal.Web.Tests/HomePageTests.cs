using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests;

public sealed class HomePageTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task First_start_in_demo_mode_migrates_and_serves_the_demo_reports(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database, demo: true);

        var html = await portal.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("最新发布的年度报告", html, StringComparison.Ordinal);
        Assert.Contains("泉州市泉港区人民政府", html, StringComparison.Ordinal);
        Assert.Contains("晋江市西园街道办事处", html, StringComparison.Ordinal);
        Assert.Contains("晋江市青阳街道办事处", html, StringComparison.Ordinal);
        Assert.Contains("2024年1月10日", html, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Demo_data_never_touches_a_database_that_already_holds_data(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Organizations.Add(new Organization("某县人民政府", "999999", OrganizationKind.PeoplesGovernment));
            await db.SaveChangesAsync();
        }

        await using var portal = new PortalFactory(database, demo: true);
        var html = await portal.CreateClient().GetStringAsync("/");

        Assert.Contains("暂无已发布的年度报告", html, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal("某县人民政府", Assert.Single(await check.Organizations.ToListAsync()).Name);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Demo_mode_is_on_by_default_only_for_sqlite(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database);

        var html = await portal.CreateClient().GetStringAsync("/");

        Assert.Equal(provider == TestProvider.Sqlite, html.Contains("泉州市泉港区人民政府", StringComparison.Ordinal));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Health_endpoints_report_live_and_ready(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database, demo: false);
        var client = portal.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_is_unhealthy_while_the_database_cannot_be_reached()
    {
        var unreachable = new TestDatabase(TestProvider.Postgres,
            "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2", () => Task.CompletedTask);
        await using var portal = new PortalFactory(unreachable, demo: false, migrate: false);
        var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_in_chinese()
    {
        var database = await databases.SharedAsync(TestProvider.Sqlite);
        await using var portal = new PortalFactory(database, demo: false);

        var response = await portal.CreateClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
