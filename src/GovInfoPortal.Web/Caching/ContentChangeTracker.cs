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

    /// <summary>Tells the copies of this process apart from those of earlier or other processes (entity tags).</summary>
    public long Instance { get; } = Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>The position now: a cached answer built from here on reflects every change learnt so far.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>
    /// Whether the log is being followed (read successfully at the last attempt). While it is not, nothing may be
    /// served from the caches or kept in them.
    /// </summary>
    public bool IsFollowing => _following;

    /// <summary>Whether a copy built from <paramref name="builtAt"/> with these tags is unchanged.</summary>
    public bool IsCurrent(IEnumerable<string> tags, long builtAt)
    {
        if (!_following || Interlocked.Read(ref _everything) > builtAt)
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

    /// <summary>The log is read: caching may go on.</summary>
    public void Following() => _following = true;

    /// <summary>The log could not be read: everything cached is evicted and nothing is cached until it can.</summary>
    public void Lost()
    {
        _following = false;
        Changed([ContentTags.Everything]);
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
