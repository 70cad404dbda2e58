using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Account;

/// <summary>Signing out is a POST (a link cannot sign anyone out); the page asks first when opened directly.</summary>
/// <remarks>
/// Signing out renews the account's security stamp, so the session ends on the server too: a copy of the
/// cookie no longer works (<see cref="Accounts.SessionCheck"/>), nor do the account's sessions in other browsers.
/// </remarks>
[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class LogoutModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, ILogger<LogoutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = User.Identity?.Name;
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        if (name is not null)
        {
            logger.LogInformation("User {UserName} signed out", name);
        }

        TempData["Status"] = "您已退出登录。";
        return RedirectToPage("/Index");
    }
}
