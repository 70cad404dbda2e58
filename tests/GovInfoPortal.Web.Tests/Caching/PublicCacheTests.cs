using GovInfoPortal.Data.Caching;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Public;
using Microsoft.Extensions.Caching.Memory;

namespace GovInfoPortal.Web.Tests.Caching;

/// <summary>
/// The in-memory figures: one computation per key at a time however many ask, computed anew only after a change
/// of one of their tags (or of anything, without tags), and never kept while the change log is not followed.
/// </summary>
public sealed class PublicCacheTests : IDisposable
{
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly ContentChangeTracker _changes = new(TimeProvider.System);

    [Fact]
    public async Task Concurrent_requests_share_one_computation_and_only_a_change_of_its_tags_computes_it_anew()
    {
        _changes.Following();
        var cache = new PublicCache(_memory, _changes);
        var computed = 0;
        var release = new TaskCompletionSource();
        string[] tags = [ContentTags.Subtree("350500", 2023)];

        async Task<int> Compute()
        {
            var number = Interlocked.Increment(ref computed);
            await release.Task;
            return number;
        }

        var waiting = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetOrCreateAsync("totals", tags, Compute))).ToList();
        await Task.Delay(100);
        release.SetResult();
        Assert.All(await Task.WhenAll(waiting), value => Assert.Equal(1, value));
        Assert.Equal(1, computed);

        _changes.Changed([ContentTags.Subtree("350582", 2023), ContentTags.Lists]);
        Assert.Equal(1, await cache.GetOrCreateAsync("totals", tags, Compute));

        _changes.Changed([ContentTags.Subtree("350500", 2023)]);
        Assert.Equal(2, await cache.GetOrCreateAsync("totals", tags, Compute));

        // Without tags a value depends on any change.
        Assert.Equal(3, await cache.GetOrCreateAsync("counts", Compute));
        Assert.Equal(3, await cache.GetOrCreateAsync("counts", Compute));
        _changes.Changed([ContentTags.Report("350505", 2023)]);
        Assert.Equal(4, await cache.GetOrCreateAsync("counts", Compute));
    }

    [Fact]
    public async Task A_failed_or_abandoned_computation_is_not_kept_and_nothing_is_kept_while_the_log_is_lost()
    {
        _changes.Following();
        var cache = new PublicCache(_memory, _changes);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrCreateAsync<int>("key", () => throw new InvalidOperationException("数据库不可用")));
        Assert.Equal(1, await cache.GetOrCreateAsync("key", () => Task.FromResult(1)));

        using var abandoned = new CancellationTokenSource();
        await abandoned.CancelAsync();
        _changes.Changed([ContentTags.Everything]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.GetOrCreateAsync("key", () => Task.FromCanceled<int>(abandoned.Token)));
        Assert.Equal(2, await cache.GetOrCreateAsync("key", () => Task.FromResult(2)));

        _changes.Lost();
        Assert.Equal(3, await cache.GetOrCreateAsync("key", () => Task.FromResult(3)));
        Assert.Equal(4, await cache.GetOrCreateAsync("key", () => Task.FromResult(4)));
        _changes.Following();
        Assert.Equal(5, await cache.GetOrCreateAsync("key", () => Task.FromResult(5)));
        Assert.Equal(5, await cache.GetOrCreateAsync("key", () => Task.FromResult(6)));
    }

    public void Dispose() => _memory.Dispose();
}
