using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// Output caching of the public content (<see cref="PublicResponses"/>) for anonymous readers. Each instance keeps
/// its own copies (<see cref="PublicOutputCacheStore"/>), tagged with what they depend on (<see cref="PublicPageTags"/>)
/// and with the position of the change log at which they were built; a change, learnt from the log
/// (<see cref="ContentChangeFollower"/>), evicts the copies of its tags and no others. No request reads the
/// database for this. A response with a cookie, or that is not 200, is never kept; nothing is kept or served
/// while the log cannot be read. The answers carry an <c>ETag</c> naming this process and the position the copy
/// was built at, a <c>Last-Modified</c> of when it was built and <c>Cache-Control: no-cache</c>: browsers revalidate
/// and get a 304 only while the very copy they hold is current (the output cache compares the tags).
/// </summary>
public sealed class PublicOutputCachePolicy : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const string EncodingKey = "encoding";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var changes = http.RequestServices.GetRequiredService<ContentChangeTracker>();
        var cacheable = PublicResponses.IsAnonymousRead(http) && !PublicResponses.IsStaticFile(http.Request.Path)
            && !http.Request.Headers.ContainsKey(HeaderNames.Authorization) && changes.IsFollowing;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        // Read before the page reads the database: a change learnt later evicts this copy.
        var builtAt = changes.Position;
        foreach (var dependency in PublicPageTags.Of(http.Request))
        {
            context.Tags.Add(dependency);
        }

        context.Tags.Add(PublicOutputCacheStore.BuiltAtTag(builtAt));
        if (PublicPageTags.Lags(http.Request))
        {
            context.Tags.Add(PublicOutputCacheStore.LaggingTag);
        }

        context.CacheVaryByRules.QueryKeys = "*";
        // Compressed copies are kept per encoding (the compression runs inside the cache, once per copy).
        var encoding = CompressionSetup.PreferredEncoding(http);
        context.CacheVaryByRules.VaryByValues[EncodingKey] = encoding;
        context.ResponseExpirationTimeSpan = Lifetime;
        // Set before the page runs: the output cache takes the headers of its copy at the first write of the body.
        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ETag = ETag(changes.Instance, builtAt, encoding);
        headers.LastModified = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        http.Response.OnStarting(() =>
        {
            var response = http.Response;
            if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                || response.Headers.ContainsKey(HeaderNames.SetCookie))
            {
                // Not a copy anyone keeps: no validators.
                response.Headers.Remove(HeaderNames.ETag);
                response.Headers.Remove(HeaderNames.LastModified);
            }

            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>The entity tag of a copy built by an instance at a position of the log, in an encoding.</summary>
    public static string ETag(long instance, long builtAt, string encoding) =>
        $"W/\"{instance.ToString("x", CultureInfo.InvariantCulture)}.{builtAt.ToString("x", CultureInfo.InvariantCulture)}-{encoding}\"";

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
