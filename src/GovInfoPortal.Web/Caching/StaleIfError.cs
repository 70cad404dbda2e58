using System.Globalization;
using System.Text;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// Stale if error: while the database cannot be reached, the public answers this instance holds are served from
/// memory for <see cref="ContentCacheOptions.StaleIfErrorSeconds"/> at most, marked as stale: <c>Age</c>,
/// <c>Warning: 110 - "Response is Stale"</c>, no validators (no <c>ETag</c>, so no 304), and on an HTML page a zh-CN
/// notice where the layout keeps <see cref="NoticePlaceholder"/>. What is not held goes on to the page and answers
/// 503 as before. Signed-in work never gets here stale: a request with the sign-in cookie, with credentials, or
/// other than GET/HEAD of the public content is passed on untouched.
/// <para>
/// The copies are kept beside the output cache, one per address, uncompressed (the compression runs outside this
/// middleware, on the way out), with the tags and the log position of the output cache's own copies: each anonymous
/// GET that the output cache builds anew is copied here as it is written. A copy is served stale only if it was current
/// when the change log was lost (<see cref="ContentChangeTracker.WasCurrent"/>) and within the output cache's lifetime
/// then; the first successful read of the log evicts everything (<see cref="ContentChangeTracker.Following"/>), so no
/// stale copy is served after the database is back. A page that fails on the database before the instance noticed
/// the loss is answered stale too, if its copy is current.
/// </para>
/// </summary>
public sealed class StaleIfError(ContentChangeTracker changes, TimeProvider time, IOptions<ContentCacheOptions> options) : IMiddleware, IDisposable
{
    /// <summary>The comment in the layout that a stale HTML answer replaces with its notice.</summary>
    public const string NoticePlaceholder = "<!--stale-notice-->";

    /// <summary>The <c>Warning</c> of every stale answer (RFC 7234, 5.5.1).</summary>
    public const string WarningValue = "110 - \"Response is Stale\"";

    /// <summary>A larger answer (a big download) is not kept for serving stale.</summary>
    private const int MaxCopyBytes = 8 * 1024 * 1024;

    private static readonly byte[] Placeholder = Encoding.UTF8.GetBytes(NoticePlaceholder);

    private static readonly string[] KeptHeaders = [HeaderNames.ContentType, HeaderNames.ContentDisposition, HeaderNames.ContentLanguage];

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.StaleMegabytes) * 1024L * 1024 });
    private readonly TimeSpan _window = TimeSpan.FromSeconds(Math.Max(0, options.Value.StaleIfErrorSeconds));
    private long _served;

    /// <summary>How many stale answers were served since the start (diagnostics, tests).</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Whether the request is one that may be answered stale: an anonymous read of the public content, without credentials.</summary>
    public static bool MayServeStale(HttpContext context) =>
        PublicResponses.IsAnonymousRead(context) && !PublicResponses.IsStaticFile(context.Request.Path)
        && !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
        && !context.Request.Cookies.Keys.Any(name => name.StartsWith(AccountsSetup.CookieName, StringComparison.Ordinal));

    /// <summary>The zh-CN notice of a stale HTML page built <paramref name="age"/> ago.</summary>
    public static string Notice(TimeSpan age)
    {
        var when = age < TimeSpan.FromMinutes(1)
            ? "不到 1 分钟前"
            : ((long)age.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " 分钟前";
        return $"<p class=\"notice stale-notice\" role=\"status\">数据库暂时无法访问，本页为{when}的副本，可能不含最新变更。</p>";
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_window <= TimeSpan.Zero || !MayServeStale(context))
        {
            await next(context);
            return;
        }

        var key = KeyOf(context.Request);
        if (!changes.IsFollowing)
        {
            // The log cannot be read (or was never read yet): serve what was current when it was lost, else the page (503).
            if (changes.LostSince is { } lostSince && TryGetStale(key, lostSince, out var held))
            {
                await ServeAsync(context, held);
                return;
            }

            await next(context);
            return;
        }

        // Read before the page reads the database, as the output cache does: a change learnt later drops this copy.
        var builtAt = changes.Position;
        var builtTime = time.GetUtcNow();
        var bodyFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        CopyingStream? copying = null;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            copying = new CopyingStream(bodyFeature.Stream, MaxCopyBytes);
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(copying, bodyFeature));
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (ErrorHandling.IsDatabaseUnavailable(exception) && !context.Response.HasStarted
            && TryGetStale(key, time.GetUtcNow(), out var held))
        {
            // The database failed this page before the change log's next read noticed it.
            context.Features.Set(bodyFeature);
            await ServeAsync(context, held);
            return;
        }
        finally
        {
            context.Features.Set(bodyFeature);
        }

        var response = context.Response;
        if (copying is { Overflowed: false } && response.StatusCode == StatusCodes.Status200OK
            && !response.Headers.ContainsKey(HeaderNames.SetCookie) && !response.Headers.ContainsKey(HeaderNames.Warning))
        {
            var tags = PublicPageTags.Of(context.Request).ToArray();
            // As the output cache's store: a copy that a change overtook while it was built is not kept.
            if (changes.IsCurrent(tags, builtAt))
            {
                var headers = KeptHeaders.Where(response.Headers.ContainsKey)
                    .Select(name => KeyValuePair.Create(name, response.Headers[name].ToString())).ToArray();
                var body = copying.ToArray();
                using var entry = _copies.CreateEntry(key);
                entry.Value = new Copy(body, headers, tags, builtAt, builtTime);
                entry.Size = body.Length + key.Length + 256;
                entry.AbsoluteExpirationRelativeToNow = PublicOutputCachePolicy.Lifetime + _window;
            }
        }
    }

    /// <summary>A copy that was current when the log was lost (<paramref name="lostSince"/>) and may still be served stale.</summary>
    private bool TryGetStale(string key, DateTimeOffset lostSince, out Copy copy)
    {
        copy = null!;
        if (!_copies.TryGetValue(key, out Copy? held) || held is null)
        {
            return false;
        }

        if (!changes.WasCurrent(held.Tags, held.BuiltAt))
        {
            _copies.Remove(key);
            return false;
        }

        // Changes older than the output cache's lifetime may be forgotten (ContentChangeTracker.ForgetOld): an older
        // copy is not known to have been current.
        if (held.BuiltTime < lostSince - PublicOutputCachePolicy.Lifetime || time.GetUtcNow() - lostSince > _window)
        {
            return false;
        }

        copy = held;
        return true;
    }

    private async Task ServeAsync(HttpContext context, Copy copy)
    {
        Interlocked.Increment(ref _served);
        if (context.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            // A stale answer is never kept as a current copy.
            outputCache.Context.AllowCacheStorage = false;
        }

        var response = context.Response;
        var headers = response.Headers;
        foreach (var name in KeptHeaders)
        {
            headers.Remove(name);
        }

        headers.Remove(HeaderNames.ETag);
        headers.Remove(HeaderNames.LastModified);
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in copy.Headers)
        {
            headers[name] = value;
        }

        var age = time.GetUtcNow() - copy.BuiltTime;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        headers.Age = ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers.Warning = WarningValue;
        headers.CacheControl = "no-cache";
        var body = IsHtml(copy) ? WithNotice(copy.Body, age) : copy.Body;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static bool IsHtml(Copy copy) =>
        copy.Headers.Any(h => h.Key == HeaderNames.ContentType && h.Value.StartsWith("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body with the notice in place of the layout's placeholder (a copy; the body as it is without one).</summary>
    private static byte[] WithNotice(byte[] body, TimeSpan age)
    {
        var at = body.AsSpan().IndexOf(Placeholder);
        if (at < 0)
        {
            return body;
        }

        var notice = Encoding.UTF8.GetBytes(Notice(age));
        var result = new byte[body.Length - Placeholder.Length + notice.Length];
        body.AsSpan(0, at).CopyTo(result);
        notice.CopyTo(result, at);
        body.AsSpan(at + Placeholder.Length).CopyTo(result.AsSpan(at + notice.Length));
        return result;
    }

    /// <summary>One copy per address of the public content (host, path, query; HEAD shares GET's copy).</summary>
    private static string KeyOf(HttpRequest request) =>
        string.Concat(request.Host.Value?.ToLowerInvariant(), request.PathBase.Value, request.Path.Value?.ToUpperInvariant(), request.QueryString.Value);

    public void Dispose() => _copies.Dispose();

    private sealed record Copy(byte[] Body, KeyValuePair<string, string>[] Headers, string[] Tags, long BuiltAt, DateTimeOffset BuiltTime);

    /// <summary>Passes the body on and keeps a copy of it, up to a size.</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _copy = new();

        public bool Overflowed { get; private set; }

        public byte[] ToArray() => _copy.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (Overflowed)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                Overflowed = true;
                _copy.SetLength(0);
                return;
            }

            _copy.Write(bytes);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _copy.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
