using System.Security.Claims;
using GovInfoPortal.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Accounts;

/// <summary>
/// Every request with a sign-in cookie compares the cookie's security stamp with the account's stored one
/// (one primary-key read): signing out, a reset password, a disabled account or a changed role renews the
/// stamp, so a copy of the cookie stops working at once, on every instance. The claims are rebuilt once a
/// validation interval (a minute) from the same read, as Identity's <see cref="SecurityStampValidator"/> would;
/// every refusal is logged with its reason ("Session cookie of … refused: …"). While the database cannot be
/// reached the session cannot be checked: the request is answered 503 (<see cref="UseSessionOutage"/>) and the
/// cookie is kept, so the user is still signed in once the database is back.
/// </summary>
public static class SessionCheck
{
    private const string UnavailableKey = "GovInfoPortal.SessionCheck.DatabaseUnavailable";

    /// <summary>
    /// Right after authentication: a request whose session could not be checked (the database is down) answers 503
    /// (the status code pages write the zh-CN page, or problem+json under the API) instead of running as an anonymous
    /// one (a sign-in redirect, or a stale public copy). The re-executed error page itself goes through.
    /// </summary>
    public static IApplicationBuilder UseSessionOutage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.ContainsKey(UnavailableKey) && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        await next(context);
    });

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var name = context.Principal?.Identity?.Name;
        if (context.Principal?.UserIdOf() is not { } userId)
        {
            await RefuseAsync(context, name, "the cookie names no account");
            return;
        }

        var stamp = context.Principal.FindFirstValue(stampClaim);
        var signIn = services.GetRequiredService<SignInManager<PortalUser>>();
        PortalUser? user;
        try
        {
            // The one read of the account per request: the stamp, the disabled flag and, when due, the fresh claims
            // all come from it (Identity's SecurityStampValidator read the account a second time, and a sign-out
            // committed between the two reads refused the cookie under its own log line).
            user = await signIn.UserManager.FindByIdAsync(userId);
        }
        catch (Exception exception) when (Security.ErrorHandling.IsDatabaseUnavailable(exception))
        {
            // Not signed out: the cookie stays and works again once the database is back.
            context.HttpContext.Items[UnavailableKey] = true;
            context.RejectPrincipal();
            return;
        }

        var refusal = user is null ? "the account no longer exists"
            : user.IsDisabled ? "the account is disabled"
            : stamp is null || user.SecurityStamp != stamp ? "the security stamp was renewed since the cookie was issued (a sign-out, a reset password, a changed role or organization, a disabled account)"
            : null;
        if (refusal is not null)
        {
            await RefuseAsync(context, name, refusal);
            return;
        }

        // The claims (display name, organization, roles) are rebuilt once a validation interval, as Identity's
        // validator does, from the account just read; the renewed cookie carries them.
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? services.GetRequiredService<TimeProvider>()).GetUtcNow();
        if (context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval)
        {
            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user!));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Refuses the cookie and signs it out, with the reason in the log (the security scan counts these lines).</summary>
    private static async Task RefuseAsync(CookieValidatePrincipalContext context, string? userName, string reason)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCheck));
        LogRefused(logger, userName ?? "?", reason);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static readonly Action<ILogger, string, string, Exception?> Refused = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(1, "SessionRefused"), "Session cookie of {UserName} refused: {Reason}");

    private static void LogRefused(ILogger logger, string userName, string reason) => Refused(logger, userName, reason, null);
}
