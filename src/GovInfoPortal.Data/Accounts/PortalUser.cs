using GovInfoPortal.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace GovInfoPortal.Data.Accounts;

/// <summary>
/// A person who signs in: an admin, a reviewer or a clerk (see <see cref="PortalRoles"/>). A clerk belongs to
/// the body whose reports it fills in; a reviewer to the root of the subtree it reviews; an admin may belong
/// to none. Passwords, lockout and the security stamp are ASP.NET Core Identity's.
/// </summary>
public class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    /// <summary>The name shown on pages (张三, 西园街道填报员); the user name is the sign-in name.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>A disabled account cannot sign in; its open sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }
}

/// <summary>The portal's roles; a user holds one.</summary>
public static class PortalRoles
{
    /// <summary>管理员: the organization tree and the accounts.</summary>
    public const string Admin = "Admin";

    /// <summary>审核员: reviews the reports of an organization subtree.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>填报员: fills in the reports of one organization.</summary>
    public const string Clerk = "Clerk";

    public static readonly IReadOnlyList<string> All = [Admin, Reviewer, Clerk];

    public static string DisplayName(string role) => role switch
    {
        Admin => "管理员",
        Reviewer => "审核员",
        Clerk => "填报员",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Whether a user in this role must belong to an organization (a clerk's body, a reviewer's scope).</summary>
    public static bool NeedsOrganization(string role) => role is Reviewer or Clerk;
}
