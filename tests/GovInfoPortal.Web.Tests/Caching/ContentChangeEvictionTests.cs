using System.Net;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Tests.Public;
using Microsoft.Extensions.DependencyInjection;
using static GovInfoPortal.Web.Tests.Caching.CachedPortals;

namespace GovInfoPortal.Web.Tests.Caching;

/// <summary>
/// A publication evicts the cached answers it changes, on every instance, and no others: the change log, followed
/// by LISTEN/NOTIFY and by polling; concurrent requests for an evicted page share one rebuild.
/// </summary>
public sealed class ContentChangeEvictionTests : IAsyncLifetime
{
    private readonly DatabaseFixture _databases = new();

    private const string ApprovedPage = $"/reports/{DemoPortals.ApprovedCode}/2023";

    /// <summary>What the publication of the approved report (under 泉州市 350500, 2023) changes.</summary>
    private static readonly string[] Changed =
    [
        "/reports?year=2023",
        "/reports?org=350500&year=2023",
        "/reports?org=350500",
        "/stats?org=350500&year=2023",
        "/stats",
        "/api/v1/stats?org=350500&year=2023",
        "/api/v1/stats?year=2023",
        "/",
        "/feed.atom",
        $"/reports/{DemoPortals.ApprovedCode}/feed.atom",
        $"/reports/{DemoPortals.ApprovedCode}/snippet",
        $"/reports/{DemoPortals.ApprovedCode}/snippet.html",
        "/sitemap.xml",
        "/sitemaps/reports-1.xml",
        "/api/v1/reports?year=2023",
        "/api/v1/reports?org=350500",
        "/search?q=" + "%E6%8A%A5%E5%91%8A",
    ];

    /// <summary>What it does not change: another body's report, a sibling subtree, another year's statistics.</summary>
    private static readonly string[] Untouched =
    [
        "/reports/350505/2023",
        "/reports/350505/2023.csv",
        "/reports/350505/feed.atom",
        "/reports/350505/snippet.html",
        "/api/v1/reports/350505/2023",
        "/reports?org=350582&year=2023",
        "/stats?org=350582&year=2023",
        "/api/v1/stats?org=350582&year=2023",
        "/api/v1/stats?org=350500&year=2022",
        "/api/v1/reports?year=2020",
        "/api/v1/reports?org=350582&year=2023",
    ];

    [Theory, SqliteData, PostgresData]
    public async Task A_publication_evicts_its_report_its_ancestors_and_the_lists_and_nothing_else(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        // Searches follow the changes at once here (they may lag them by default: the next test).
        await using var portal = new CachingPortal(database, new Dictionary<string, string> { ["Caching:SearchLagSeconds"] = "0" });
        using var client = portal.CreateClient();
        await DemoPortals.AddUnpublishedAsync(database);
        await CatchUpAsync(portal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ApprovedPage)).StatusCode);
        foreach (var url in Changed.Concat(Untouched))
        {
            await KeepAsync(client, url);
        }

        // Published from outside the instance: it learns of it from the log alone.
        await using (var db = database.CreateContext())
        {
            await PublishApprovedAsync(db);
        }

        await CatchUpAsync(portal);
        foreach (var url in Changed)
        {
            Assert.False(await FromCacheAsync(client, url), $"{url} was not evicted");
        }

        foreach (var url in Untouched)
        {
            Assert.True(await FromCacheAsync(client, url), $"{url} was evicted");
        }

        Assert.Contains("泉港区待发布测试局", await client.GetStringAsync(ApprovedPage), StringComparison.Ordinal);
        Assert.Contains("（共 2 份）", await client.GetStringAsync("/reports?year=2023"), StringComparison.Ordinal);
        Assert.Contains(DemoPortals.ApprovedCode, await client.GetStringAsync("/api/v1/reports?year=2023"), StringComparison.Ordinal);
    }

    [Theory, SqliteData]
    public async Task A_search_lags_a_publication_by_at_most_its_bound_and_is_then_rebuilt(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var portal = new CachingPortal(database, new Dictionary<string, string> { ["Caching:SearchLagSeconds"] = "3" });
        using var client = portal.CreateClient();
        await DemoPortals.AddUnpublishedAsync(database);
        await CatchUpAsync(portal);
        const string Search = "/search?q=%E5%BE%85%E5%8F%91%E5%B8%83%E6%B5%8B%E8%AF%95"; // 待发布测试
        // Started before the copy is kept: it never reads less than the copy's age.
        var kept = System.Diagnostics.Stopwatch.StartNew();
        await KeepAsync(client, Search);
        await KeepAsync(client, "/");
        Assert.DoesNotContain(ApprovedPage, await client.GetStringAsync(Search), StringComparison.Ordinal);

        await PublishApprovedAsync(portal);
        await CatchUpAsync(portal);

        // The home page follows at once; the search still gives its copy until that is 3 s old, then the new results.
        Assert.False(await FromCacheAsync(client, "/"), "the home page was not evicted");
        if (kept.Elapsed < TimeSpan.FromSeconds(2.5))
        {
            Assert.True(await FromCacheAsync(client, Search), "the search was rebuilt before its lag had passed");
        }

        await UntilShownAsync(client, Search, ApprovedPage);
        Assert.True(kept.Elapsed >= TimeSpan.FromSeconds(3), $"the search changed after {kept.Elapsed}, within its lag");
    }

    [Theory, PostgresData]
    public Task A_publication_through_one_instance_reaches_the_other_by_notification(TestProvider provider) =>
        // The other instance reads the log on its own only every ten minutes: only the notification can be in time.
        AcrossInstancesAsync(provider, new Dictionary<string, string> { ["Caching:PollMilliseconds"] = "600000" });

    [Theory, SqliteData, PostgresData]
    public Task A_publication_through_one_instance_reaches_the_other_by_polling_alone(TestProvider provider) =>
        AcrossInstancesAsync(provider, new Dictionary<string, string> { ["Caching:Listen"] = "false", ["Caching:PollMilliseconds"] = "1000" });

    private async Task AcrossInstancesAsync(TestProvider provider, Dictionary<string, string> readerSettings)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var writer = new PortalFactory(database, demo: true);
        writer.CreateClient().Dispose();
        await DemoPortals.AddUnpublishedAsync(database);
        await using var reader = new CachingPortal(database, readerSettings);
        using var readerClient = reader.CreateClient();
        await CatchUpAsync(reader);
        await KeepAsync(readerClient, "/reports?year=2023");
        await KeepAsync(readerClient, "/reports/350505/2023");
        Assert.Contains("（共 1 份）", await readerClient.GetStringAsync("/reports?year=2023"), StringComparison.Ordinal);

        await PublishApprovedAsync(writer);

        var elapsed = await UntilShownAsync(readerClient, "/reports?year=2023", "（共 2 份）");
        Assert.True(elapsed < Patience, $"seen after {elapsed}");
        Assert.True(await FromCacheAsync(readerClient, "/reports/350505/2023"), "an untouched report page was evicted");
    }

    [Theory, SqliteData]
    public async Task Concurrent_requests_for_an_evicted_page_share_one_rebuild(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database, demo: true);
        using var client = portal.CreateClient();
        await CatchUpAsync(portal);
        const string Page = "/stats?org=350500&year=2023";
        await KeepAsync(client, Page);
        var store = portal.Services.GetRequiredService<PublicOutputCacheStore>();

        for (var round = 0; round < 3; round++)
        {
            var stored = store.Stored;
            portal.Services.GetRequiredService<ContentChangeTracker>().Changed([ContentTags.Subtree("350500")]);
            var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
            {
                using var response = await client.GetAsync(Page);
                return response.StatusCode;
            })));
            Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.Equal(stored + 1, store.Stored);
        }
    }

    public Task InitializeAsync() => _databases.InitializeAsync();

    public Task DisposeAsync() => _databases.DisposeAsync();
}
