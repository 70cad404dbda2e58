namespace GovInfoPortal.Web.Security;

/// <summary>
/// The response headers every answer carries: a strict Content-Security-Policy (scripts and styles from the
/// portal's own files only, no inline code, no framing), nosniff, a referrer policy and no powerful features.
/// Set when the response starts, so error pages and static files get them too.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                foreach (var (name, value) in All)
                {
                    headers[name] = value;
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
