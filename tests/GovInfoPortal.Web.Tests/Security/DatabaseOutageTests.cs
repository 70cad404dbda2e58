using System.Net;
using GovInfoPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// The database goes away under a running portal: pages answer a zh-CN 503 page, the API problem+json 503,
/// <c>/health/ready</c> unhealthy; when it comes back the same portal answers again, without a restart.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [PostgresData]
    public async Task Started_while_the_database_is_down_the_portal_checks_for_demo_accounts_once_it_is_back_and_stops(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Users.Add(new Data.Accounts.PortalUser { UserName = "demo-admin", NormalizedUserName = "DEMO-ADMIN" });
            await db.SaveChangesAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var relay = new TcpRelay(target.Host!, target.Port);
        relay.Start(); // to take a port, closed again at once
        relay.Stop();
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = relay.Port, Timeout = 2 }.ToString();
        await using var portal = new HardenedPortal(database, new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = throughRelay,
            ["Database:MigrateOnStartup"] = "false",
        }, demo: false);

        // The database is unreachable: the portal starts all the same and says it is not ready.
        using var client = portal.Client();
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        var stopping = portal.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
        Assert.False(stopping.IsCancellationRequested);

        // It comes back holding a demo account: the deferred check stops the portal.
        relay.Start();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!stopping.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(stopping.IsCancellationRequested, "The portal kept running with a demo account once the database was back.");
    }

    [Theory]
    [PostgresData]
    public async Task The_portal_answers_503_while_the_database_is_down_and_recovers_without_a_restart(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider, migrate: false);
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var relay = new TcpRelay(target.Host!, target.Port);
        relay.Start();
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = relay.Port, Timeout = 3 }.ToString();

        await using var portal = new HardenedPortal(database, new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = throughRelay,
            ["Demo:Enabled"] = "true",
        });
        using var client = portal.Client();
        await AssertServingAsync(client);

        relay.Stop();
        // A page this instance holds is served from its cache until its next read of the change log fails (within a
        // second or so); from then on it caches nothing and answers from the database, which is down.
        using (var page = await UntilAsync(client, "/reports/350505/2023", ok: false))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("服务暂时不可用", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
            Assert.True(page.Headers.Contains("Retry-After"));
        }

        using (var api = await client.GetAsync("/api/v1/reports"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            var body = await api.Content.ReadAsStringAsync();
            Assert.True(api.Content.Headers.ContentType?.MediaType == "application/problem+json", body);
            Assert.Contains("服务暂时不可用", body, StringComparison.Ordinal);
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        }

        using (var live = await client.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        relay.Start();
        // The connection pool may hold connections the outage cut: the portal gets past them on its own.
        using (var ready = await UntilAsync(client, "/health/ready", ok: true))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await AssertServingAsync(client);
    }

    private static async Task AssertServingAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/reports/350505/2023");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var api = await client.GetAsync("/api/v1/reports");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>The first answer to <paramref name="path"/> that is 200 (<paramref name="ok"/>) or not, asked again for up to 30 s.</summary>
    private static async Task<HttpResponseMessage> UntilAsync(HttpClient client, string path, bool ok)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(path);
            if ((response.StatusCode == HttpStatusCode.OK) == ok || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(200);
        }
    }
}
