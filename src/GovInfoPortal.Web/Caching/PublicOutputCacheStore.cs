using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// The output cache's store: copies in this process's memory (at most <see cref="CachingSetup.OutputCacheBytes"/>,
/// least recently used first out), each with its tags and the <see cref="ContentChangeTracker.Position"/> at which its
/// request started (<see cref="BuiltAtTag"/>). A copy whose tags changed since is not served, except during the
/// grace: the first request to find it changed rebuilds the page (the output cache makes concurrent requests
/// wait for that one rebuild), and for <see cref="ContentCacheOptions.GraceMilliseconds"/> after it the others
/// get the previous copy instead of waiting, as nginx's <c>proxy_cache_use_stale updating</c> does. A rebuild that
/// yields nothing to keep (an error, a page gone) ends the grace: the old copy is dropped. A copy marked as lagging
/// (<see cref="LaggingTag"/>: the search pages) is served changed until it is
/// <see cref="ContentCacheOptions.SearchLagSeconds"/> old, and only then rebuilt, unless everything changed.
/// </summary>
public sealed class PublicOutputCacheStore(ContentChangeTracker changes, TimeProvider time, IOptions<ContentCacheOptions> options)
    : IOutputCacheStore, IDisposable
{
    private const string BuiltAtPrefix = "\u0001built:";

    /// <summary>The tag a request adds when its copy may lag the changes (<see cref="ContentCacheOptions.SearchLagSeconds"/>).</summary>
    public const string LaggingTag = "\u0001lagging";

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = CachingSetup.OutputCacheBytes });
    private readonly TimeSpan _grace = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.GraceMilliseconds));
    private readonly TimeSpan _lag = TimeSpan.FromSeconds(Math.Max(0, options.Value.SearchLagSeconds));
    private long _stored;

    /// <summary>How many copies were kept since the start (each a page built anew), for tests and diagnostics.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>The tag a request adds to say from which position its copy was built.</summary>
    public static string BuiltAtTag(long position) => BuiltAtPrefix + position.ToString(CultureInfo.InvariantCulture);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_copies.TryGetValue(key, out Copy? copy) || copy is null || !changes.IsFollowing)
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        if (changes.IsCurrent(copy.Tags, copy.BuiltAt))
        {
            return ValueTask.FromResult<byte[]?>(copy.Value);
        }

        // A change of everything (the tree: names on every page) is followed at once, lagging or not.
        if (copy.Lags && time.GetElapsedTime(copy.StoredAt) < _lag && !changes.EverythingChangedSince(copy.BuiltAt))
        {
            return ValueTask.FromResult<byte[]?>(copy.Value);
        }

        var now = time.GetTimestamp();
        var claimed = Interlocked.CompareExchange(ref copy.RebuildingSince, now, 0);
        if (claimed == 0)
        {
            // This request rebuilds the page.
            return ValueTask.FromResult<byte[]?>(null);
        }

        if (time.GetElapsedTime(claimed) < _grace)
        {
            return ValueTask.FromResult<byte[]?>(copy.Value);
        }

        _copies.Remove(key);
        return ValueTask.FromResult<byte[]?>(null);
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var builtAt = -1L;
        var lags = false;
        var own = new List<string>(tags?.Length ?? 0);
        foreach (var tag in tags ?? [])
        {
            if (tag == LaggingTag)
            {
                lags = true;
            }
            else if (tag.StartsWith(BuiltAtPrefix, StringComparison.Ordinal))
            {
                builtAt = long.Parse(tag.AsSpan(BuiltAtPrefix.Length), CultureInfo.InvariantCulture);
            }
            else
            {
                own.Add(tag);
            }
        }

        // A copy without its position, or one that a change overtook while it was built, is not kept.
        if (builtAt >= 0 && changes.IsCurrent(own, builtAt))
        {
            using var entry = _copies.CreateEntry(key);
            entry.Value = new Copy(value, [.. own], builtAt, lags, time.GetTimestamp());
            entry.Size = value.Length + key.Length;
            entry.AbsoluteExpirationRelativeToNow = validFor;
            Interlocked.Increment(ref _stored);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Evicts the copies with the tag (as a change of it would: <see cref="ContentChangeTracker.Changed"/>).</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        changes.Changed([tag]);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _copies.Dispose();

    private sealed class Copy(byte[] value, string[] tags, long builtAt, bool lags, long storedAt)
    {
        public byte[] Value { get; } = value;

        public string[] Tags { get; } = tags;

        public long BuiltAt { get; } = builtAt;

        /// <summary>Whether it may be served changed until it is <see cref="_lag"/> old.</summary>
        public bool Lags { get; } = lags;

        /// <summary>When it was kept (a timestamp).</summary>
        public long StoredAt { get; } = storedAt;

        /// <summary>When a request found the copy changed and began its rebuild (a timestamp; 0: none yet).</summary>
        public long RebuildingSince;
    }
}
