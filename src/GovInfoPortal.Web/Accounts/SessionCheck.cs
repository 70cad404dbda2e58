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
/// (<see cref="SecurityStampValidator"/>) still rebuilds the claims once a minute.
/// </summary>
public static class SessionCheck
{
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
        var stored = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stored is null || stored.IsDisabled || stamp is null || stored.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
