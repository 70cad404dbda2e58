namespace GovInfoPortal.Web.Security;

/// <summary>
/// The response headers every answer carries: a strict Content-Security-Policy (scripts and styles from the
/// portal's own files only, no inline code, no framing), nosniff, a referrer policy and no powerful features.
/// Set when the response starts, so error pages and static files get them too. Cookie attributes are written
/// in their canonical spelling (<c>Secure</c>, <c>HttpOnly</c>, <c>SameSite</c>): the framework writes them in
/// lower case, which RFC 6265 allows but some clients and scanners read case-sensitively.
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
        // Modern browsers ignore this header and rely on the policy above; older ones with an XSS filter
        // block the page instead of rewriting it, the only mode of that filter without known side channels.
        ["X-XSS-Protection"] = "1; mode=block",
    };

    private static readonly (string Lower, string Canonical)[] CookieAttributes =
    [
        ("; path=", "; Path="), ("; domain=", "; Domain="), ("; expires=", "; Expires="), ("; max-age=", "; Max-Age="),
        ("; secure", "; Secure"), ("; httponly", "; HttpOnly"), ("; samesite=", "; SameSite="),
    ];

    /// <summary>A Set-Cookie value with its attribute names in their canonical spelling.</summary>
    public static string CanonicalCookie(string setCookie)
    {
        foreach (var (lower, canonical) in CookieAttributes)
        {
            setCookie = setCookie.Replace(lower, canonical, StringComparison.Ordinal);
        }

        return setCookie;
    }

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

                var cookies = headers.SetCookie;
                if (cookies.Count > 0)
                {
                    headers.SetCookie = new Microsoft.Extensions.Primitives.StringValues(cookies.Select(c => CanonicalCookie(c!)).ToArray());
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
