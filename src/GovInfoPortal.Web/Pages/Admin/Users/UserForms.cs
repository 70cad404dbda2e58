using System.ComponentModel.DataAnnotations;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Admin;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovInfoPortal.Web.Pages.Admin.Users;

/// <summary>What an admin chooses for an account: name, role and organization.</summary>
public class UserForm
{
    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "姓名不能超过 {1} 个字。")]
    [Display(Name = "姓名")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "请选择角色。")]
    [Display(Name = "角色")]
    public string Role { get; set; } = PortalRoles.Clerk;

    /// <summary>The organization's code or full name as typed; resolved by <see cref="ResolveOrganizationAsync"/>.</summary>
    [StringLength(OrganizationMaxLength, ErrorMessage = "所属机关不能超过 {1} 个字。")]
    [Display(Name = "所属机关（机关代码或全称）")]
    public string? Organization { get; set; }

    /// <summary>The organization resolved from <see cref="Organization"/> (scripts may post the id itself when they leave that empty).</summary>
    [Display(Name = "所属机关")]
    public int? OrganizationId { get; set; }

    public const int OrganizationMaxLength = 200;

    public static IReadOnlyList<SelectListItem> RoleChoices { get; } =
        [.. PortalRoles.All.Select(role => new SelectListItem(PortalRoles.DisplayName(role), role))];

    /// <summary>
    /// Looks the typed organization up (by code, else by full name) and sets <see cref="OrganizationId"/>; a code or
    /// name that names no organization, or several, is a model error on the field, in zh-CN. Nothing typed keeps the
    /// posted id (none from the page's own form, which has no such field).
    /// </summary>
    public async Task ResolveOrganizationAsync(OrganizationAdministration organizations, ModelStateDictionary modelState, string prefix,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Organization) || Organization.Length > OrganizationMaxLength)
        {
            return;
        }

        var (found, ambiguous) = await organizations.FindByCodeOrNameAsync(Organization, cancellationToken);
        if (found is not null)
        {
            OrganizationId = found.Id;
            return;
        }

        OrganizationId = null;
        modelState.AddModelError($"{prefix}.{nameof(Organization)}", ambiguous
            ? $"有多个机关名为“{Organization.Trim()}”，请改填机关代码。"
            : $"没有找到代码或全称为“{Organization.Trim()}”的机关，请核对后重新填写（可在“机关管理”中查看机关代码）。");
    }
}

/// <summary>A new account: the choices plus the sign-in name and the first password.</summary>
public sealed class NewUserForm : UserForm
{
    [Required(ErrorMessage = "请填写用户名。")]
    [StringLength(InputLimits.UserNameMaxLength, ErrorMessage = "用户名不能超过 {1} 个字符。")]
    [Display(Name = "用户名（登录名）")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "请填写初始密码。")]
    [StringLength(InputLimits.PasswordMaxLength, ErrorMessage = "初始密码不能超过 {1} 个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "初始密码")]
    public string? Password { get; set; }
}

/// <summary>A password the admin sets for an account (a forgotten password, a lockout).</summary>
public sealed class ResetPasswordForm
{
    [Required(ErrorMessage = "请填写新密码。")]
    [StringLength(InputLimits.PasswordMaxLength, ErrorMessage = "新密码不能超过 {1} 个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string? NewPassword { get; set; }
}
