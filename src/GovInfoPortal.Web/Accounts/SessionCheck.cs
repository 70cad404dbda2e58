using System.Security.Claims;
using GovInfoPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Accounts;

/// <summary>
/// Every request with a sign-in cookie compares the cookie's security stamp with the account's stored one
/// (one primary-key read): signing out, a reset password, a disabled account or a changed role renews the
/// stamp, so a copy of the cookie stops working at once, on every instance. Identity's own check
/// (<see cref="SecurityStampValidator"/>) still rebuilds the claims once a minute. While the database cannot be
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
        if (context.Principal?.UserIdOf() is not { } userId)
        {
            context.RejectPrincipal();
            return;
        }

        var stamp = context.Principal.FindFirstValue(stampClaim);
        var db = services.GetRequiredService<GovInfoDbContext>();
        StoredStamp? stored;
        try
        {
            stored = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new StoredStamp(u.SecurityStamp, u.IsDisabled))
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (Security.ErrorHandling.IsDatabaseUnavailable(exception))
        {
            // Not signed out: the cookie stays and works again once the database is back.
            context.HttpContext.Items[UnavailableKey] = true;
            context.RejectPrincipal();
            return;
        }

        if (stored is null || stored.IsDisabled || stamp is null || stored.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private sealed record StoredStamp(string? SecurityStamp, bool IsDisabled);
}
