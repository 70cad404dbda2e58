using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Security;

/// <summary>
/// Rate limits per client address on the requests an attacker repeats: signing in (password guessing), searching
/// and checking documents (expensive). Beyond the limit the answer is 429 with <c>Retry-After</c>: the zh-CN
/// error page, or <c>application/problem+json</c> under <c>/api</c>.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Validate = "validate";

    /// <summary>The limit a request falls under, or null when it has none.</summary>
    public static string? PolicyFor(HttpRequest request)
    {
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method) && path.Equals(Accounts.AccountsSetup.LoginPath, StringComparison.OrdinalIgnoreCase))
        {
            return SignIn;
        }

        // Verifying a PDF renders it again: as costly as a validation, it shares the validations' budget.
        if (HttpMethods.IsPost(request.Method)
            && (path.Equals(Api.ApiLinks.Validate, StringComparison.OrdinalIgnoreCase) || path.Equals(Api.ApiLinks.Verify, StringComparison.OrdinalIgnoreCase)))
        {
            return Validate;
        }

        if (HttpMethods.IsGet(request.Method)
            && (path.Equals("/search", StringComparison.OrdinalIgnoreCase)
                || (path.Equals(Api.ApiLinks.Reports, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(request.Query["q"]))))
        {
            return Search;
        }

        return null;
    }

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            var limits = security.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var policy = PolicyFor(context.Request);
                if (policy is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var rule = policy switch
                {
                    SignIn => limits.SignIn,
                    Search => limits.Search,
                    _ => limits.Validate,
                };
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = rule.PermitLimit,
                    Window = TimeSpan.FromSeconds(rule.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ErrorHandling.IsApi(context.Request))
        {
            await ErrorHandling.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, $"请求过于频繁，请在 {seconds} 秒后再试。");
        }

        // Pages: the status code pages show the zh-CN error page for 429.
    }
}
