using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Account;

/// <summary>Signing out is a POST (a link cannot sign anyone out); the page asks first when opened directly.</summary>
[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class LogoutModel(SignInManager<PortalUser> signIn, ILogger<LogoutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = User.Identity?.Name;
        await signIn.SignOutAsync();
        if (name is not null)
        {
            logger.LogInformation("User {UserName} signed out", name);
        }

        TempData["Status"] = "您已退出登录。";
        return LocalRedirect("/");
    }
}
