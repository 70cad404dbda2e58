using GovInfoPortal.Web.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// Keeps the public figures that read many reports (counts over a whole tree, table totals of a large
/// subtree) in this instance's memory, keyed by the content generation (<see cref="ContentVersion"/>): a
/// publication through any instance changes the generation, so the next request everywhere computes them anew.
/// Copies of older generations expire after <see cref="Lifetime"/>.
/// </summary>
public sealed class PublicCache(IMemoryCache cache, ContentVersion version)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> create, CancellationToken cancellationToken = default)
    {
        var generation = (await version.GetAsync(cancellationToken)).Stamp;
        return (await cache.GetOrCreateAsync((typeof(PublicCache), generation, key), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return create();
        }))!;
    }
}
