using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Admin;
using Microsoft.EntityFrameworkCore;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Caching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// The database goes away under a running portal: pages answer a zh-CN 503 page, the API problem+json 503,
/// <c>/health/ready</c> unhealthy; when it comes back the same portal answers again, without a restart. The public
/// answers the instance holds are served stale meanwhile, to anonymous readers only.
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
            // Without stale copies: every page answers from the database (the stale copies are the next test's).
            ["Caching:StaleIfErrorSeconds"] = "0",
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

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task During_an_outage_cached_public_pages_are_served_stale_to_readers_and_signed_in_work_gets_503(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider, migrate: false);
        using var outage = Outage.For(database);
        await using var portal = new HardenedPortal(database, new Dictionary<string, string>(outage.Settings)
        {
            ["Demo:Enabled"] = "true",
        }, services: outage.Register);
        var changes = portal.Services.GetRequiredService<ContentChangeTracker>();
        using var reader = portal.Client();
        var clerkName = DatabaseFixture.Unique("clerk");
        using (var scope = portal.Services.CreateScope())
        {
            var organization = await scope.ServiceProvider.GetRequiredService<Data.GovInfoDbContext>().Organizations
                .Where(o => o.Code == "350505").Select(o => o.Id).SingleAsync();
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(new NewUser(clerkName, "测试填报员", PortalRoles.Clerk, organization, ClerkPortal.Password));
            Assert.True(created.Succeeded);
        }

        var clerk = new PortalSession(portal.Client());
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SignInAsync(clerkName, ClerkPortal.Password)).StatusCode);
        var token = await FormPosts.TokenAsync(reader, SignIns.LoginPath);

        string[] held = ["/", "/reports/350505/2023", "/reports", "/stats", "/api/v1/reports", "/feed.atom", "/sitemap.xml"];
        string? etag = null;
        foreach (var path in held)
        {
            using var fresh = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.False(fresh.Headers.Contains("Warning"), path);
            if (path == "/reports/350505/2023")
            {
                etag = fresh.Headers.ETag?.ToString();
            }
        }

        Assert.NotNull(etag);
        outage.Begin();
        await UntilAsync(() => !changes.IsFollowing);

        foreach (var path in held)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            // The reader's copy from before the outage: revalidated, it gets the stale page, never a 304.
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var stale = await reader.SendAsync(request);
            Assert.True(stale.StatusCode == HttpStatusCode.OK, $"{path}: {(int)stale.StatusCode}");
            Assert.Equal("110 - \"Response is Stale\"", Assert.Single(stale.Headers.GetValues("Warning")));
            Assert.NotNull(stale.Headers.Age);
            Assert.Null(stale.Headers.ETag);
            var body = await stale.Content.ReadAsStringAsync();
            if (stale.Content.Headers.ContentType?.MediaType == "text/html")
            {
                Assert.Contains("数据库暂时无法访问，本页为", body, StringComparison.Ordinal);
                Assert.Contains("可能不含最新变更。", body, StringComparison.Ordinal);
                Assert.DoesNotContain(StaleIfError.NoticePlaceholder, body, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("数据库暂时无法访问", body, StringComparison.Ordinal);
            }
        }

        // What the instance does not hold: 503 as before.
        using (var notHeld = await reader.GetAsync("/reports/350505/2022"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notHeld.StatusCode);
            Assert.True(notHeld.Headers.Contains("Retry-After"));
            Assert.False(notHeld.Headers.Contains("Warning"));
        }

        // Signed-in work never sees stale data: the clerk's pages, and even a public page with the session cookie.
        foreach (var path in new[] { "/clerk/reports", "/reports/350505/2023", "/" })
        {
            using var signedIn = await clerk.GetAsync(path);
            Assert.True(signedIn.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)signedIn.StatusCode}");
            Assert.False(signedIn.Headers.Contains("Warning"), path);
            Assert.Contains("服务暂时不可用", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Nor does a form: a sign-in posted now answers the 503 page.
        using (var posted = await reader.PostAsync(SignIns.LoginPath, FormPosts.Form(SignIns.Fields(clerkName, ClerkPortal.Password), token)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
            Assert.False(posted.Headers.Contains("Warning"));
        }

        Assert.True(portal.Services.GetRequiredService<StaleIfError>().Served >= held.Length);
        outage.End();
        await UntilAsync(() => changes.IsFollowing);

        // Back: everything held was evicted once; pages are fresh again, with validators, and the clerk works again.
        using (var fresh = await UntilAsync(reader, "/reports/350505/2023", ok: true))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.False(fresh.Headers.Contains("Warning"));
            Assert.NotNull(fresh.Headers.ETag);
            Assert.NotEqual(etag, fresh.Headers.ETag?.ToString());
            Assert.DoesNotContain("数据库暂时无法访问", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var work = await clerk.GetAsync("/clerk/reports"))
        {
            Assert.Equal(HttpStatusCode.OK, work.StatusCode);
        }
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

    /// <summary>Waits up to 30 s for a condition of the portal (the outage noticed, the recovery noticed).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "The portal did not notice in 30 s.");
    }

    /// <summary>
    /// The database going away: on PostgreSQL a relay in front of the server is stopped (open connections cut, new
    /// ones refused); on SQLite, a file that cannot go away, every opening of a connection fails as a refused one would.
    /// </summary>
    private sealed class Outage : DbConnectionInterceptor, IDisposable
    {
        private readonly TcpRelay? _relay;
        private volatile bool _down;

        private Outage(TcpRelay? relay, IReadOnlyDictionary<string, string> settings)
        {
            _relay = relay;
            Settings = settings;
        }

        /// <summary>The portal's settings for it (the connection through the relay).</summary>
        public IReadOnlyDictionary<string, string> Settings { get; }

        public static Outage For(TestDatabase database)
        {
            if (database.Provider != TestProvider.Postgres)
            {
                return new Outage(null, new Dictionary<string, string>());
            }

            var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var relay = new TcpRelay(target.Host!, target.Port);
            relay.Start();
            var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = relay.Port, Timeout = 3 }.ToString();
            return new Outage(relay, new Dictionary<string, string> { ["ConnectionStrings:Default"] = throughRelay });
        }

        public void Register(IServiceCollection services) => services.AddSingleton<IInterceptor>(this);

        public void Begin()
        {
            _down = true;
            _relay?.Stop();
        }

        public void End()
        {
            _down = false;
            _relay?.Start();
        }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            _down && _relay is null ? throw Refused() : result;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            _down && _relay is null ? throw Refused() : ValueTask.FromResult(result);

        private static SocketException Refused() => new((int)SocketError.ConnectionRefused);

        public void Dispose() => _relay?.Dispose();
    }
}
