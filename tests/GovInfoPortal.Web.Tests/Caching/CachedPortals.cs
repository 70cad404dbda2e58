using System.Diagnostics;
using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Tests.Public;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Caching;

/// <summary>A portal with its own <c>Caching</c> settings (how it follows the change log).</summary>
public sealed class CachingPortal(TestDatabase database, IReadOnlyDictionary<string, string> settings) : PortalFactory(database, demo: true)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>What the caching tests do with a portal: wait until it has read the log, fill its cache, publish.</summary>
internal static class CachedPortals
{
    /// <summary>Generous: the bound is 2 s, but the test machine may be busy.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Waits until the portal has read the change log twice after now: what was committed before is applied.</summary>
    public static async Task CatchUpAsync(PortalFactory portal)
    {
        var follower = portal.Services.GetRequiredService<ContentChangeFollower>();
        var target = follower.Reads + 2;
        var clock = Stopwatch.StartNew();
        while (follower.Reads < target || !portal.Services.GetRequiredService<ContentChangeTracker>().IsFollowing)
        {
            Assert.True(clock.Elapsed < Patience, "the portal did not read the change log");
            follower.Wake();
            await Task.Delay(20);
        }
    }

    /// <summary>Asks for a page until the answer comes from the output cache (it is kept once its first answer is complete).</summary>
    public static async Task KeepAsync(HttpClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        while (!await FromCacheAsync(client, url))
        {
            Assert.True(clock.Elapsed < Patience, $"{url} is not kept in the output cache");
            await Task.Delay(20);
        }
    }

    /// <summary>One request: whether the (200) answer came from the output cache, which gives its age.</summary>
    public static async Task<bool> FromCacheAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return response.Headers.Age.HasValue;
    }

    /// <summary>Asks until the page contains <paramref name="text"/>; returns how long that took.</summary>
    public static async Task<TimeSpan> UntilShownAsync(HttpClient client, string url, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!(await client.GetStringAsync(url)).Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < Patience, $"{url} did not show “{text}” within {Patience}");
            await Task.Delay(20);
        }

        return clock.Elapsed;
    }

    /// <summary>Publishes the approved demo report (<see cref="DemoPortals.ApprovedCode"/>, 2023) through the given context.</summary>
    public static async Task PublishApprovedAsync(GovInfoDbContext db)
    {
        var report = await db.Reports.SingleAsync(r => r.Organization.Code == DemoPortals.ApprovedCode);
        report.Publish(new DateOnly(2024, 3, 1), secrecyReviewConfirmed: true, Actor.System, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>Publishes the approved demo report through a portal's own services.</summary>
    public static async Task PublishApprovedAsync(PortalFactory instance)
    {
        using var scope = instance.Services.CreateScope();
        await PublishApprovedAsync(scope.ServiceProvider.GetRequiredService<GovInfoDbContext>());
    }
}
