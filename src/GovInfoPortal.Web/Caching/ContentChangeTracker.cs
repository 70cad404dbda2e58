using System.Collections.Concurrent;
using GovInfoPortal.Data.Caching;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// What this instance knows of the change log (<see cref="ContentChangeRecord"/>), in memory: a position that moves on
/// with every change it learns of, and for each tag the position of its last change. A cached answer remembers
/// the position at which its request started and its tags; it is current while none of its tags changed since
/// (<see cref="IsCurrent"/>), so a change evicts exactly the answers tagged with what it changed, and an answer
/// built while a change arrived is never kept as current. Nothing here reads the database: the
/// <see cref="ContentChangeFollower"/> feeds it.
/// </summary>
public sealed class ContentChangeTracker(TimeProvider time)
{
    /// <summary>The tag of cached values that depend on any change (<see cref="Public.PublicCache"/> entries without tags).</summary>
    public const string AnyChange = "any";

    /// <summary>How long the last change of a tag is remembered: longer than any cached copy lives.</summary>
    public static readonly TimeSpan Memory = PublicOutputCachePolicy.Lifetime + TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (long Position, DateTimeOffset At)> _changed = new(StringComparer.Ordinal);
    private long _position;
    private long _everything;
    private volatile bool _following;
    private long _lostSinceTicks;

    /// <summary>Tells the copies of this process apart from those of earlier or other processes (entity tags).</summary>
    public long Instance { get; } = Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>The position now: a cached answer built from here on reflects every change learnt so far.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>
    /// Whether the log is being followed (read successfully at the last attempt). While it is not, nothing may be
    /// served from the caches or kept in them.
    /// </summary>
    public bool IsFollowing => _following;

    /// <summary>
    /// Since when the log could not be read, after it had been read (null while it is followed, and before the first
    /// read). The copies that were current then may be served stale (<see cref="StaleIfError"/>) until the log is read again.
    /// </summary>
    public DateTimeOffset? LostSince
    {
        get
        {
            var ticks = Interlocked.Read(ref _lostSinceTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Whether a copy built from <paramref name="builtAt"/> with these tags is unchanged.</summary>
    public bool IsCurrent(IEnumerable<string> tags, long builtAt) => _following && WasCurrent(tags, builtAt);

    /// <summary>
    /// Whether no change learnt so far touched a copy built from <paramref name="builtAt"/> with these tags: while the
    /// log cannot be read, whether it was current when the log was lost.
    /// </summary>
    public bool WasCurrent(IEnumerable<string> tags, long builtAt)
    {
        if (Interlocked.Read(ref _everything) > builtAt)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (_changed.TryGetValue(tag, out var change) && change.Position > builtAt)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a change of everything (<see cref="ContentTags.Everything"/>) came after <paramref name="builtAt"/>.</summary>
    public bool EverythingChangedSince(long builtAt) => Interlocked.Read(ref _everything) > builtAt;

    /// <summary>A change of these tags (<see cref="ContentTags.Everything"/> among them: of everything).</summary>
    public void Changed(IReadOnlyCollection<string> tags)
    {
        // The position moves first: a request that reads the new position started after the change was learnt of.
        var position = Interlocked.Increment(ref _position);
        if (tags.Contains(ContentTags.Everything))
        {
            Interlocked.Exchange(ref _everything, position);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var tag in tags.Append(AnyChange))
        {
            _changed[tag] = (position, now);
        }
    }

    /// <summary>
    /// The log is read: caching may go on. After it was lost, everything cached is evicted first (what changed
    /// meanwhile is not known), once.
    /// </summary>
    public void Following()
    {
        if (!_following && Interlocked.Exchange(ref _lostSinceTicks, 0) != 0)
        {
            Changed([ContentTags.Everything]);
        }

        _following = true;
    }

    /// <summary>
    /// The log could not be read: nothing is served from the caches or kept in them until it can. The copies are
    /// kept as they were (served only stale, <see cref="StaleIfError"/>) and evicted when it is read again.
    /// </summary>
    public void Lost()
    {
        if (_following)
        {
            Interlocked.CompareExchange(ref _lostSinceTicks, time.GetUtcNow().UtcTicks, 0);
        }

        _following = false;
    }

    /// <summary>Forgets the changes older than <see cref="Memory"/> (no copy built before them is still kept).</summary>
    public void ForgetOld()
    {
        var before = time.GetUtcNow() - Memory;
        foreach (var (tag, change) in _changed)
        {
            if (change.At < before)
            {
                _changed.TryRemove(new KeyValuePair<string, (long, DateTimeOffset)>(tag, change));
            }
        }
    }
}
