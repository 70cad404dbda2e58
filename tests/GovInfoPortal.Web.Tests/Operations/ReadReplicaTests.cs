using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Replicas;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// Read replicas on a real primary and a streaming standby (<see cref="ReplicatedPostgres"/>): the portal writes to the
/// primary and reads the public pages from the standby; a reviewer's publication while the standby is held back shows on
/// the public page at once (read from the primary, and the copy the cache keeps is the new one); once the standby has
/// replayed it, the public reads go to the standby again; when the standby stops, public pages keep answering 200 and
/// the reviewer keeps reading their own writes.
/// </summary>
public sealed class ReadReplicaTests
{
    /// <summary>Names the portal's public-read connections in <c>pg_stat_activity</c>.</summary>
    private const string ReadApplication = "govinfo-public-read";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory, PostgresData]
    public async Task Public_reads_go_to_the_standby_and_degrade_to_the_primary_while_it_lags_or_is_gone(TestProvider provider)
    {
        Assert.Equal(TestProvider.Postgres, provider);
        await using var cluster = await ReplicatedPostgres.StartAsync();
        await ReplicatedPostgres.ScalarAsync(cluster.PrimaryPort, "CREATE DATABASE govinfo");
        var database = new TestDatabase(TestProvider.Postgres, ReplicatedPostgres.ConnectionString(cluster.PrimaryPort, "govinfo"), () => Task.CompletedTask);
        await database.MigrateAsync();
        var read = ReadStringOfCompose(cluster);
        await using var portal = new ClerkPortal(database, demo: false, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:" + ReadReplicas.ConnectionStringName] = read,
        });

        var city = await portal.CreateOrganizationAsync("副本市" + DatabaseFixture.Unique(""), kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("副本市某街道", city.Id);
        var id = await portal.CreateReportAsync(street.Id, 2025, (report, now) =>
        {
            report.UpdateSections(new ReportSections("（副本测试）总体情况。", "（副本测试）问题。", "（副本测试）其他。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
        });
        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);
        var anonymous = portal.Session().Client;
        var replicas = portal.Services.GetRequiredService<ReadReplicas>();
        var page = $"/reports/{street.Code}/2025";

        // The standby is in the route once it has replayed what the primary holds; the public pages read it.
        await UntilAsync(() => replicas.Standbys.Count > 0, "the standby never joined the public reads");
        var before = replicas.StandbyReads;
        using (var browse = await anonymous.GetAsync("/reports?year=2025"))
        {
            Assert.Equal(HttpStatusCode.OK, browse.StatusCode);
            Assert.Contains(city.Name, await browse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(replicas.StandbyReads > before, "the public page did not read through the standby");
        Assert.True(await ReadConnectionsAsync(cluster.StandbyPort) > 0, "no public-read connection on the standby");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(page)).StatusCode);

        await StepAsync(reviewer, $"/api/v1/review/reports/{id}/approve", new { version = await VersionAsync(reviewer, id) });
        Assert.Equal("approved", await StatusAsync(reviewer, id));

        // The standby falls behind: it stops replaying. The publication must show anyway, and the copy cached must be the new one.
        await ReplicatedPostgres.ScalarAsync(cluster.StandbyPort, "SELECT pg_wal_replay_pause()");
        await StepAsync(reviewer, $"/api/v1/review/reports/{id}/publish", new { secrecyReviewConfirmed = true });
        // The reviewer reads their own write (from the primary: the standby has not replayed it).
        Assert.Equal("published", await StatusAsync(reviewer, id));
        var shown = await UntilShownAsync(anonymous, page, "（副本测试）总体情况。");
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Equal(true, await ReplicatedPostgres.ScalarAsync(cluster.StandbyPort, "SELECT pg_is_wal_replay_paused()"));
        Assert.Empty(replicas.Standbys);
        using (var again = await anonymous.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("（副本测试）总体情况。", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Replay resumes: the standby catches up and the public reads go back to it, with the new report.
        await ReplicatedPostgres.ScalarAsync(cluster.StandbyPort, "SELECT pg_wal_replay_resume()");
        await UntilAsync(() => replicas.Standbys.Count > 0, "the standby did not rejoin the public reads after catching up");
        before = replicas.StandbyReads;
        using (var api = await anonymous.GetAsync($"/api/v1/reports/{street.Code}/2025"))
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            Assert.Contains("（副本测试）总体情况。", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(replicas.StandbyReads > before, "the API read did not go through the standby");

        // The standby goes away: public pages keep answering (from the primary), uncached ones included.
        await cluster.StopStandbyAsync();
        string[] pages =
        [
            $"/api/v1/reports/{street.Code}/2025?after=stop", $"{page}.csv", "/search?q=副本测试", "/reports?year=2025&after=stop", "/",
            $"{page}?after=stop", "/feed.atom", "/stats?year=2025",
        ];
        foreach (var url in pages)
        {
            using var response = await anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} with the standby gone: {body[..Math.Min(body.Length, 300)]}");
            Assert.DoesNotContain("服务暂时不可用", body, StringComparison.Ordinal);
        }

        Assert.Equal("published", await StatusAsync(reviewer, id));
        await UntilAsync(() => replicas.Standbys.Count == 0, "the stopped standby stayed in the route");
        using (var later = await anonymous.GetAsync($"{page}.json"))
        {
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }

        await portal.DisposeAsync();
    }

    [Theory, PostgresData]
    public async Task With_the_primary_gone_public_reads_answer_from_the_standby_or_say_the_outage_never_a_fault(TestProvider provider)
    {
        Assert.Equal(TestProvider.Postgres, provider);
        await using var cluster = await ReplicatedPostgres.StartAsync();
        await ReplicatedPostgres.ScalarAsync(cluster.PrimaryPort, "CREATE DATABASE govinfo");
        var database = new TestDatabase(TestProvider.Postgres, ReplicatedPostgres.ConnectionString(cluster.PrimaryPort, "govinfo"), () => Task.CompletedTask);
        await database.MigrateAsync();
        await using var portal = new ClerkPortal(database, demo: false, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:" + ReadReplicas.ConnectionStringName] = ReadStringOfCompose(cluster),
        });
        var city = await portal.CreateOrganizationAsync("主库停机市" + DatabaseFixture.Unique(""), kind: OrganizationKind.PeoplesGovernment);
        var replicas = portal.Services.GetRequiredService<ReadReplicas>();
        await UntilAsync(() => replicas.Standbys.Count > 0, "the standby never joined the public reads");
        var anonymous = portal.Session().Client;

        // Only the standby answers now: the route narrows to that one host, which must still be a usable connection string.
        await cluster.StopPrimaryAsync();
        string[] pages = ["/reports?year=2025&after=primary-stop", "/search?q=主库停机", "/api/v1/reports?after=primary-stop", "/stats?year=2025&after=primary-stop"];
        var clock = Stopwatch.StartNew();
        var fromStandby = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach (var url in pages)
            {
                using var response = await anonymous.GetAsync($"{url}&n={clock.ElapsedMilliseconds}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable,
                    $"{url} answered {(int)response.StatusCode} with the primary gone: {body[..Math.Min(body.Length, 300)]}");
                fromStandby += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }

            await Task.Delay(100);
        }

        Assert.True(fromStandby > 0, "no public page was read from the standby while the primary was gone");
        await portal.DisposeAsync();
    }

    /// <summary>
    /// The read string of docker-compose.yml's portal-read (the replica profile): the standby first, then the primary, for
    /// when no standby answers; here with the test servers' addresses and credentials and a name for its connections.
    /// </summary>
    private static string ReadStringOfCompose(ReplicatedPostgres cluster)
    {
        var compose = ComposeFile.Load();
        Assert.Equal(["replica"], compose.Profiles("db-standby"));
        Assert.Equal(["replica"], compose.Profiles("portal-read"));
        var environment = compose.Environment("portal-read", new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "compose-secret" });
        var read = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__" + ReadReplicas.ConnectionStringName]);
        Assert.Equal("db-standby:5432,db:5432", read.Host);
        Assert.Equal("prefer-standby", read.TargetSessionAttributes);
        Assert.Equal("govinfo", read.Database);
        read.Host = $"127.0.0.1:{cluster.StandbyPort},127.0.0.1:{cluster.PrimaryPort}";
        read.Username = "postgres";
        read.Password = null;
        read.ApplicationName = ReadApplication;
        return read.ConnectionString;
    }

    private static async Task<long> ReadConnectionsAsync(int port) => (long)(await ReplicatedPostgres.ScalarAsync(port,
        $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ReadApplication}'"))!;

    private static async Task<JsonElement> StateAsync(PortalSession reviewer, int id)
    {
        using var response = await reviewer.Client.GetAsync($"/api/v1/review/reports/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string?> StatusAsync(PortalSession reviewer, int id) => (await StateAsync(reviewer, id)).GetProperty("status").GetString();

    private static async Task<string> VersionAsync(PortalSession reviewer, int id) =>
        (await StateAsync(reviewer, id)).GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);

    /// <summary>A review step through the API with the session's antiforgery token.</summary>
    private static async Task StepAsync(PortalSession reviewer, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("RequestVerificationToken", await reviewer.TokenAsync("/account/password"));
        using var response = await reviewer.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
    }

    private static async Task<HttpStatusCode> UntilShownAsync(HttpClient client, string url, string text)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal))
            {
                return response.StatusCode;
            }

            Assert.True(clock.Elapsed < Patience, $"{url} did not show “{text}” (last {(int)response.StatusCode})");
            await Task.Delay(50);
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, failure);
            await Task.Delay(20);
        }
    }
}
