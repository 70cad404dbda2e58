using System.ComponentModel.DataAnnotations;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Account;

[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class PasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ILogger<PasswordModel> logger) : PageModel
{
    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "请填写当前密码。")]
        [StringLength(InputLimits.PasswordMaxLength, ErrorMessage = "当前密码不能超过 {1} 个字符。")]
        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "请填写新密码。")]
        [StringLength(InputLimits.PasswordMaxLength, ErrorMessage = "新密码不能超过 {1} 个字符。")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "请再次填写新密码。")]
        [StringLength(InputLimits.PasswordMaxLength, ErrorMessage = "确认新密码不能超过 {1} 个字符。")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "两次填写的新密码不一致。")]
        [Display(Name = "确认新密码")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            // A field shows one message: all that is wrong with the new password, together.
            foreach (var field in result.Errors.GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword"))
            {
                ModelState.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Description)));
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} changed the password", user.UserName);
        TempData["Status"] = "密码已修改。";
        return RedirectToPage();
    }
}
