using System.Net;
using System.Net.Http.Headers;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Tests.Public;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Caching;

/// <summary>
/// Output caching and compression of the public content: two portal instances on one database, each with its own
/// cache, serve a publication made through the other once they have read it from the change log; revalidation of
/// a current copy answers 304; only anonymous public reads are compressed.
/// </summary>
public sealed class PublicCachingTests : IAsyncLifetime
{
    private readonly DatabaseFixture _databases = new();

    private const string ApprovedPage = $"/reports/{DemoPortals.ApprovedCode}/2023";

    [Theory, SqliteData, PostgresData]
    public async Task A_publication_through_one_instance_shows_through_the_other_within_the_bound(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var first = new PortalFactory(database, demo: true);
        first.CreateClient().Dispose();
        await DemoPortals.AddUnpublishedAsync(database);
        await using var second = new PortalFactory(database, demo: true);
        using var reader = second.CreateClient();

        // The second instance answers (and keeps) the pages as they are before the publication.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(ApprovedPage)).StatusCode);
            Assert.Contains("（共 1 份）", await reader.GetStringAsync("/reports?year=2023"), StringComparison.Ordinal);
            Assert.DoesNotContain(DemoPortals.ApprovedCode, await reader.GetStringAsync("/api/v1/reports?year=2023"), StringComparison.Ordinal);
            Assert.DoesNotContain(DemoPortals.ApprovedCode, await reader.GetStringAsync("/sitemaps/reports-1.xml"), StringComparison.Ordinal);
        }

        var before = await reader.GetAsync("/reports?year=2023");
        Assert.Equal("no-cache", before.Headers.CacheControl?.ToString());

        await CachedPortals.PublishApprovedAsync(first);
        await CachedPortals.UntilShownAsync(reader, "/reports?year=2023", "（共 2 份）");

        using var page = await reader.GetAsync(ApprovedPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("泉港区待发布测试局2023年政府信息公开工作年度报告", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("（共 2 份）", await reader.GetStringAsync("/reports?year=2023"), StringComparison.Ordinal);
        Assert.Contains(DemoPortals.ApprovedCode, await reader.GetStringAsync("/api/v1/reports?year=2023"), StringComparison.Ordinal);
        Assert.Contains(DemoPortals.ApprovedCode, await reader.GetStringAsync("/sitemaps/reports-1.xml"), StringComparison.Ordinal);
        var after = await reader.GetAsync("/reports?year=2023");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_cached_page_revalidates_with_304_and_only_public_reads_are_compressed(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database, demo: true);
        using var client = portal.CreateClient();

        await CachedPortals.CatchUpAsync(portal);
        await CachedPortals.KeepAsync(client, "/reports/350505/2023");
        using var first = await client.GetAsync("/reports/350505/2023");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/reports/350505/2023");
        revalidation.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // Once the report changed, the same revalidation gets the page again, with another tag.
        portal.Services.GetRequiredService<Web.Caching.ContentChangeTracker>().Changed([Data.Caching.ContentTags.Report("350505", 2023)]);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/reports/350505/2023");
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        foreach (var (path, encoding) in new[] { ("/reports/350505/2023", "br"), ("/api/v1/reports", "gzip"), ("/reports/350505/2023.csv", "br"), ("/css/site.css", "gzip") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }

        // The sign-in form carries an antiforgery token: never compressed, never cached.
        using var login = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        login.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var loginPage = await client.SendAsync(login);
        Assert.Empty(loginPage.Content.Headers.ContentEncoding);
        Assert.Null(loginPage.Headers.ETag);

        using var versioned = await client.GetAsync("/css/site.css?v=1");
        Assert.Equal(TimeSpan.FromDays(365), versioned.Headers.CacheControl?.MaxAge);
    }

    public Task InitializeAsync() => _databases.InitializeAsync();

    public Task DisposeAsync() => _databases.DisposeAsync();
}
