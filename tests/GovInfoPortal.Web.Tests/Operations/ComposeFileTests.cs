using System.Net;
using System.Text.RegularExpressions;
using GovInfoPortal.Testing;
using Npgsql;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// docker-compose.yml and deploy/nginx.conf against the portal: no Docker engine runs here, so the portal is started
/// as its container starts it (<c>dotnet GovInfoPortal.Web.dll</c>) with exactly the environment each compose service sets,
/// the database address replaced by the test server's.
/// </summary>
public sealed partial class ComposeFileTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string ComposeHost = "db";

    /// <summary>The settings the compose file may set, each with its effect checked below.</summary>
    private static readonly string[] KnownSettings = ["ConnectionStrings__Default", "Database__MigrateOnStartup", "Database__Provider", "ForwardedHeaders__KnownNetworks__0"];

    [Theory, PostgresData]
    public async Task Every_portal_service_starts_with_its_compose_environment_and_every_setting_takes_effect(TestProvider provider)
    {
        var compose = ComposeFile.Load();
        // portal-read (the replica profile's) is started on a real standby by ReadReplicaTests.
        Assert.Equal(["portal", "portal-2", "portal-read"], compose.PortalServices.Order(StringComparer.Ordinal));
        var database = await databases.CreateAsync(provider, migrate: false);
        var first = Environment(compose, "portal", database.ConnectionString);
        var second = Environment(compose, "portal-2", database.ConnectionString);
        foreach (var environment in new[] { first, second })
        {
            Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("http://+:8080", environment["ASPNETCORE_URLS"]);
            Assert.Equal(KnownSettings, environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

        // The second instance does not migrate (Database__MigrateOnStartup=false): on the empty database it only connects.
        await using (var waiting = PortalProcess.Start(second))
        {
            await waiting.WaitUntilAsync("/health/live");
            Assert.False(await HasMigrationsAsync(database.ConnectionString), "portal-2 migrated the database");
        }

        // The first one migrates the PostgreSQL database of its connection string (Database__Provider=Postgres) ...
        await using var portal = PortalProcess.Start(first);
        await portal.WaitUntilAsync("/health/ready");
        Assert.True(await HasMigrationsAsync(database.ConnectionString), "portal did not migrate the PostgreSQL database\n" + portal.Output);

        // ... after which both serve the (demo-less) home page, and the compose health check passes on both.
        await using var other = PortalProcess.Start(second);
        await other.WaitUntilAsync("/health/ready");
        foreach (var instance in new[] { portal, other })
        {
            using var client = new HttpClient { BaseAddress = instance.BaseAddress };
            var home = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("政府信息公开工作年度报告", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await HealthProbe.RunAsync(new Uri(instance.BaseAddress, "/health/ready").ToString()));

            // Forwarded headers are believed from the compose network only (ForwardedHeaders__KnownNetworks__0, parsed at
            // start): from loopback a claimed https is not taken, so no HSTS header (sent over https only) comes back.
            using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
            forged.Headers.Add("X-Forwarded-Proto", "https");
            using var answer = await client.SendAsync(forged);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
        }
    }

    /// <summary>A compose service's environment on the test server: the database address, credentials and name replaced.</summary>
    internal static Dictionary<string, string> Environment(ComposeFile compose, string service, string testConnection)
    {
        var environment = compose.Environment(service, new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "compose-secret" })
            .ToDictionary(p => p.Key, p => p.Value);
        environment["ConnectionStrings__Default"] = OnTestServer(environment["ConnectionStrings__Default"], testConnection);
        return environment;
    }

    private static async Task<bool> HasMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public void The_health_checks_run_the_portals_own_probe_on_the_port_it_listens_on()
    {
        var compose = ComposeFile.Load();
        foreach (var service in compose.PortalServices)
        {
            var test = compose.HealthCheck(service);
            Assert.Equal(["CMD", "dotnet", "GovInfoPortal.Web.dll", "--health-check", "http://localhost:8080/health/ready"], test);
        }

        Assert.Equal("CMD-SHELL", compose.HealthCheck("db")[0]);
    }

    [Fact]
    public void The_load_balancer_sends_requests_to_the_portal_services_of_its_profile()
    {
        var compose = ComposeFile.Load();
        Assert.Contains("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro", compose.Volumes("nginx"));
        Assert.Contains("./deploy/certs:/etc/nginx/certs:ro", compose.Volumes("nginx"));
        Assert.Equal(["lb"], compose.Profiles("nginx"));

        var configuration = File.ReadAllText(Path.Combine(ComposeFile.RepositoryRoot, "deploy", "nginx.conf"));
        var servers = UpstreamServer().Matches(configuration).Select(m => (Host: m.Groups["host"].Value, Port: m.Groups["port"].Value)).ToList();
        // Behind nginx: the portal services of the default and lb profiles (the replica profile's portal-read has its own port).
        var balanced = compose.PortalServices.Where(service => compose.Profiles(service) is [] or ["lb"]).Order(StringComparer.Ordinal);
        Assert.Equal(balanced, servers.Select(s => s.Host).Order(StringComparer.Ordinal));
        Assert.All(servers, server => Assert.Equal("8080", server.Port));
        Assert.Contains("proxy_pass http://portal;", configuration, StringComparison.Ordinal);

        // TLS ends at nginx with the mounted certificate; the instances learn the scheme and client from its headers.
        Assert.Contains("listen 443 ssl;", configuration, StringComparison.Ordinal);
        Assert.Contains("ssl_certificate /etc/nginx/certs/tls.crt;", configuration, StringComparison.Ordinal);
        Assert.Contains("ssl_certificate_key /etc/nginx/certs/tls.key;", configuration, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", configuration, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", configuration, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Host $host;", configuration, StringComparison.Ordinal);
        Assert.All(compose.PortalServices, service => Assert.True(compose.Profiles(service) is [] or ["lb"] or ["replica"]));
    }

    /// <summary>The compose connection string with the test server's address, credentials and database.</summary>
    private static string OnTestServer(string composeConnection, string testConnection)
    {
        var fromCompose = new NpgsqlConnectionStringBuilder(composeConnection);
        Assert.Equal(ComposeHost, fromCompose.Host);
        Assert.Equal("compose-secret", fromCompose.Password);
        var test = new NpgsqlConnectionStringBuilder(testConnection);
        fromCompose.Host = test.Host;
        fromCompose.Port = test.Port;
        fromCompose.Database = test.Database;
        fromCompose.Username = test.Username;
        fromCompose.Password = test.Password;
        return fromCompose.ToString();
    }

    [GeneratedRegex(@"^\s*server\s+(?<host>[A-Za-z0-9_.-]+):(?<port>\d+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
