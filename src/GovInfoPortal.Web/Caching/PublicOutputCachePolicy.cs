using System.Globalization;
using GovInfoPortal.Data.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// Output caching of the public content (<see cref="PublicResponses"/>) for anonymous readers. Each instance keeps
/// its own copies, keyed by the <see cref="ContentVersion"/> read from the database on every request: a
/// publication through any instance changes the stamp in the same transaction, so the next request on every
/// instance misses the old copies. A response with a cookie, or that is not 200, is never kept. The answers carry
/// an <c>ETag</c> and <c>Last-Modified</c> of the generation and <c>Cache-Control: no-cache</c>, so browsers
/// revalidate (a 304 from the cache) and never show a page older than the last publication.
/// </summary>
public sealed class PublicOutputCachePolicy : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const string GenerationKey = "generation";
    private const string EncodingKey = "encoding";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = PublicResponses.IsAnonymousRead(http) && !PublicResponses.IsStaticFile(http.Request.Path)
            && !http.Request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }

        var generation = await http.RequestServices.GetRequiredService<ContentVersion>().GetAsync(cancellation);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues[GenerationKey] = generation.Stamp.ToString(CultureInfo.InvariantCulture);
        // Compressed copies are kept per encoding (the compression runs inside the cache, once per copy).
        context.CacheVaryByRules.VaryByValues[EncodingKey] = CompressionSetup.PreferredEncoding(http);
        context.ResponseExpirationTimeSpan = Lifetime;
        var encoding = context.CacheVaryByRules.VaryByValues[EncodingKey];
        http.Response.OnStarting(() =>
        {
            var response = http.Response;
            if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie))
            {
                // Kept with the copy, so a revalidation gets 304 (TryNotModifiedAsync).
                response.Headers.CacheControl = "no-cache";
                response.Headers.ETag = ETag(generation, encoding!);
                response.Headers.LastModified = new DateTimeOffset(generation.ChangedAt, TimeSpan.Zero).ToString("R", CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The entity tag of every public answer of a generation in an encoding.</summary>
    public static string ETag(ContentGeneration generation, string encoding) =>
        $"W/\"{generation.Stamp.ToString("x", CultureInfo.InvariantCulture)}-{encoding}\"";

    /// <summary>
    /// Answers a revalidation of the current generation with 304 before the cache or the page is asked: every
    /// public answer of a generation carries the same tag, and any change of content changes the generation.
    /// </summary>
    public static async Task<bool> TryNotModifiedAsync(HttpContext http)
    {
        var ifNoneMatch = http.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !PublicResponses.IsAnonymousRead(http) || PublicResponses.IsStaticFile(http.Request.Path))
        {
            return false;
        }

        var generation = await http.RequestServices.GetRequiredService<ContentVersion>().GetAsync(http.RequestAborted);
        var tag = ETag(generation, CompressionSetup.PreferredEncoding(http));
        if (!ifNoneMatch.Any(value => value is not null && value.Split(',').Any(t => t.Trim() == tag)))
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status304NotModified;
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = "no-cache";
        return true;
    }

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
