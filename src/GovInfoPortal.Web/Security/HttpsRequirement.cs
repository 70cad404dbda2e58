using GovInfoPortal.Web.Accounts;

namespace GovInfoPortal.Web.Security;

/// <summary>
/// Where cookies are sent over HTTPS only (outside Development and Testing, <see cref="AccountsSetup.CookieSecurity"/>),
/// a request over plain HTTP to a page that needs them (signing in, the clerks', reviewers' and admins' pages, the review
/// API) cannot work: the antiforgery and session cookies would never come back. Such a request is refused with a zh-CN
/// page (or problem+json under the API) saying that the portal must be reached over HTTPS, and the log says what to
/// configure, instead of the framework's 500 from the antiforgery cookie. Public reads need no cookie and are served
/// over either scheme.
/// </summary>
public static class HttpsRequirement
{
    public const int Status = StatusCodes.Status403Forbidden;

    public const string Title = "需要安全连接";

    public const string Explanation = "登录和办理业务的页面只能通过 HTTPS 安全连接访问。请改用以 https:// 开头的地址；如果问题依旧，请联系系统管理员检查服务器的 TLS 配置。";

    public const string ApiDetail = "此接口只能通过 HTTPS 安全连接访问。";

    private const string RefusedKey = "govinfo.httpsRequired";

    /// <summary>The areas whose pages sign in, keep a session or post forms with antiforgery tokens.</summary>
    private static readonly string[] SessionPrefixes = ["/account", "/clerk", "/review", "/admin", "/notifications", Api.ApiLinks.ReviewPrefix];

    /// <summary>How often the configuration hint is logged at most (a misconfigured portal gets it on every such request).</summary>
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private static long _lastLoggedTicks;

    /// <summary>Whether this request was refused for coming over plain HTTP (the error page then says so).</summary>
    public static bool WasRefused(HttpContext context) => context.Items.ContainsKey(RefusedKey);

    public static bool NeedsSession(PathString path) =>
        SessionPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>After the forwarded headers (a proxy's <c>X-Forwarded-Proto</c> counts) and the error pages.</summary>
    public static IApplicationBuilder UseHttpsRequirement(this IApplicationBuilder app, IHostEnvironment environment)
    {
        if (AccountsSetup.CookieSecurity(environment) != Microsoft.AspNetCore.Http.CookieSecurePolicy.Always)
        {
            return app;
        }

        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsRequirement).FullName!);
        return app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || !NeedsSession(context.Request.Path))
            {
                await next(context);
                return;
            }

            LogHint(logger, context);
            context.Items[RefusedKey] = true;
            if (ErrorHandling.IsApi(context.Request))
            {
                await ErrorHandling.WriteProblemAsync(context, Status, ApiDetail);
                return;
            }

            // The status code pages render the zh-CN page (ErrorModel reads WasRefused).
            context.Response.StatusCode = Status;
        });
    }

    private static void LogHint(ILogger logger, HttpContext context)
    {
        var now = DateTime.UtcNow.Ticks;
        var last = Interlocked.Read(ref _lastLoggedTicks);
        if (now - last < LogInterval.Ticks || Interlocked.CompareExchange(ref _lastLoggedTicks, now, last) != last)
        {
            return;
        }

        logger.LogWarning(
            "Refused {Method} {Path} over plain HTTP: outside Development the portal's cookies are HTTPS-only, so signing in and forms cannot work. " +
            "Serve the portal over HTTPS (ASPNETCORE_URLS=https://… with a certificate), or, behind a proxy that ends TLS, list the proxy in " +
            "ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks so that its X-Forwarded-Proto is believed",
            context.Request.Method, context.Request.Path.Value);
    }
}
