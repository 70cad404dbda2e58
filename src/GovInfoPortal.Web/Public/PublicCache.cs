using GovInfoPortal.Web.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// Keeps the public figures that read many reports (counts over a whole tree, table totals of a large subtree) in
/// this instance's memory for <see cref="Lifetime"/>, each with the tags it depends on
/// (<see cref="Data.Caching.ContentTags"/>; without tags: any change) and the position of the change log at which
/// it was computed (<see cref="ContentChangeTracker"/>): a change of one of its tags, learnt from the log, makes
/// the next request compute it anew. One computation per key at a time: concurrent requests for a value being
/// computed wait for it. Nothing is kept while the log cannot be read.
/// </summary>
public sealed class PublicCache(IMemoryCache cache, ContentChangeTracker changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly string[] AnyChange = [ContentChangeTracker.AnyChange];

    /// <summary>A value that any change of the public content may change.</summary>
    public Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> create, CancellationToken cancellationToken = default) =>
        GetOrCreateAsync(key, AnyChange, create, cancellationToken);

    /// <summary>A value that only the changes of <paramref name="tags"/> change.</summary>
    public async Task<T> GetOrCreateAsync<T>(object key, IReadOnlyCollection<string> tags, Func<Task<T>> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!changes.IsFollowing)
        {
            return await create();
        }

        while (true)
        {
            var slot = cache.GetOrCreate((typeof(PublicCache), key), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = Lifetime;
                return new Slot();
            })!;
            TaskCompletionSource<object?>? computing = null;
            Task<object?> shared;
            lock (slot)
            {
                if (slot.Value is not { IsFaulted: false, IsCanceled: false } || !changes.IsCurrent(tags, slot.BuiltAt))
                {
                    // Read before computing: a change learnt meanwhile makes the value out of date at once.
                    slot.BuiltAt = changes.Position;
                    computing = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
                    slot.Value = computing.Task;
                }

                shared = slot.Value;
            }

            if (computing is not null)
            {
                // Computed with this request's services, to the end: the requests waiting for it depend on it.
                try
                {
                    var value = await create();
                    computing.SetResult(value);
                    return value;
                }
                catch (OperationCanceledException)
                {
                    computing.SetCanceled(CancellationToken.None);
                    throw;
                }
                catch (Exception exception)
                {
                    computing.SetException(exception);
                    throw;
                }
            }

            try
            {
                return (T)(await shared.WaitAsync(cancellationToken))!;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request computing it gave up (its reader went away): compute it anew.
            }
        }
    }

    /// <summary>The value of one key: computed (or being computed) from <see cref="BuiltAt"/>.</summary>
    private sealed class Slot
    {
        public Task<object?>? Value { get; set; }

        public long BuiltAt { get; set; }
    }
}
