using System.ComponentModel.DataAnnotations;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Account;

[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, ILogger<LoginModel> logger) : PageModel
{
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请填写用户名。")]
        [StringLength(InputLimits.UserNameMaxLength, ErrorMessage = "用户名不能超过 {1} 个字符。")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "请填写密码。")]
        [StringLength(InputLimits.PasswordMaxLength, ErrorMessage = "密码不能超过 {1} 个字符。")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = string.Empty;
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userName = Input.UserName.Trim();
        var result = await signIn.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", userName);
            return LocalRedirect(await LandingAsync(userName));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} locked out after failed sign-ins", userName);
            ModelState.AddModelError(string.Empty,
                $"登录失败次数过多，该账户已被锁定 {AccountsSetup.LockoutDuration.TotalMinutes:0} 分钟，请稍后再试；如需立即解锁，请联系管理员重置密码。");
        }
        else if (result.IsNotAllowed && await users.FindByNameAsync(userName) is { } user && await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError(string.Empty, "该账户已停用，请联系管理员。");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "用户名或密码不正确。");
        }

        return Page();
    }

    /// <summary>Where to go after signing in: the page asked for, else the user's own start page.</summary>
    private async Task<string> LandingAsync(string userName)
    {
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return ReturnUrl;
        }

        var user = await users.FindByNameAsync(userName);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        var page = roles.Contains(PortalRoles.Clerk) ? "/Clerk/Reports/Index"
            : roles.Contains(PortalRoles.Reviewer) ? "/Review/Index"
            : roles.Contains(PortalRoles.Admin) ? "/Admin/Users/Index"
            : "/Index";
        return Url.Page(page)!;
    }
}
