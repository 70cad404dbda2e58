using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Admin;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Admin.Users;

/// <summary>One account: change name, role and organization; disable or enable it; set a new password.</summary>
[RequestSizeLimit(RequestLimits.TextForm)]
public sealed class EditModel(UserAdministration users, OrganizationAdministration organizations, SignInManager<PortalUser> signIn) : PageModel
{
    public UserSummary Account { get; private set; } = null!;

    /// <summary>The page holds three forms; each handler binds and validates only its own.</summary>
    public UserForm Form { get; set; } = new();

    public ResetPasswordForm Reset { get; set; } = new();

    /// <summary>The admin's own account: its password is changed on the password page, with the current one.</summary>
    public bool IsOwnAccount => Account.Id == User.UserIdOf();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = await StoredFormAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [Bind(Prefix = nameof(Form))] UserForm form, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = form;
        await Form.ResolveOrganizationAsync(organizations, ModelState, nameof(Form), cancellationToken);
        if (ModelState.IsValid)
        {
            var result = await users.UpdateAsync(id, Form.DisplayName!, Form.Role, Form.OrganizationId, User.UserIdOf()!, cancellationToken);
            if (result.Succeeded)
            {
                // An admin who saved their own account gets a session that shows the new name at once (the
                // others pick it up at their next stamp validation).
                if (IsOwnAccount && await signIn.UserManager.GetUserAsync(User) is { } self)
                {
                    await signIn.RefreshSignInAsync(self);
                }

                TempData["Status"] = $"已保存用户“{Account.UserName}”。";
                return RedirectToPage("/Admin/Users/Index");
            }

            ModelState.AddErrors(result, nameof(Form));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, string? disable, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // The form says true or false; anything else changes nothing (it would otherwise bind as false and enable).
        var result = bool.TryParse(disable, out var wanted)
            ? await users.SetDisabledAsync(id, wanted, User.UserIdOf()!)
            : AdminResult.Failed(null, "未说明停用还是启用该账户，未作更改。请在本页点击“停用账户”或“启用账户”。");
        if (result.Succeeded)
        {
            TempData["Status"] = wanted ? $"已停用用户“{Account.UserName}”，其已登录的会话随即失效。" : $"已启用用户“{Account.UserName}”。";
            return RedirectToPage("/Admin/Users/Edit", new { id });
        }

        ModelState.Clear();
        ModelState.AddErrors(result, nameof(Form));
        Form = await StoredFormAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string id, [Bind(Prefix = nameof(Reset))] ResetPasswordForm reset, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Reset = reset;
        if (ModelState.IsValid)
        {
            var result = await users.ResetPasswordAsync(id, Reset.NewPassword!, User.UserIdOf()!);
            if (result.Succeeded)
            {
                TempData["Status"] = $"已为用户“{Account.UserName}”设置新密码，并解除锁定。";
                return RedirectToPage("/Admin/Users/Edit", new { id });
            }

            ModelState.AddErrors(result, nameof(Reset));
        }

        Form = await StoredFormAsync(cancellationToken);
        return Page();
    }

    private async Task<UserForm> StoredFormAsync(CancellationToken cancellationToken) => new()
    {
        DisplayName = Account.DisplayName,
        Role = Account.Role ?? string.Empty,
        OrganizationId = Account.OrganizationId,
        Organization = Account.OrganizationId is { } organizationId ? (await organizations.FindAsync(organizationId, cancellationToken))?.Key : null,
    };

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Account = (await users.FindAsync(id, cancellationToken))!;
        return Account is not null;
    }
}
