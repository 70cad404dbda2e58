using System.ComponentModel.DataAnnotations;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Admin;
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

    [Display(Name = "所属机关")]
    public int? OrganizationId { get; set; }

    public static IReadOnlyList<SelectListItem> RoleChoices { get; } =
        [.. PortalRoles.All.Select(role => new SelectListItem(PortalRoles.DisplayName(role), role))];

    public static IReadOnlyList<SelectListItem> OrganizationChoices(IEnumerable<OrganizationNode> tree) =>
    [
        new SelectListItem("（请选择）", string.Empty),
        .. tree.Select(node => new SelectListItem(node.IndentedName, node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];
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
