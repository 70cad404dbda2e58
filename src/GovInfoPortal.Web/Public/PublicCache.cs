using Microsoft.Extensions.Caching.Memory;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// Keeps the public figures that read many reports (counts over a whole tree, table totals of a large
/// subtree) for a few minutes: published figures change rarely, and a publication shows in them within
/// <see cref="Lifetime"/>. Each portal instance keeps its own.
/// </summary>
public sealed class PublicCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> create) =>
        (await cache.GetOrCreateAsync((typeof(PublicCache), key), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return create();
        }))!;
}
