using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Admin;

/// <summary>An account as the admin pages list it.</summary>
public sealed record UserSummary(string Id, string UserName, string DisplayName, string? Role, int? OrganizationId, string? OrganizationName,
    bool IsDisabled, bool IsLockedOut)
{
    public string RoleName => Role is null ? "（无）" : PortalRoles.DisplayName(Role);

    public string StatusName => IsDisabled ? "已停用" : IsLockedOut ? "已锁定" : "正常";
}

public sealed record NewUser(string UserName, string DisplayName, string Role, int? OrganizationId, string Password);

/// <summary>Creating and changing accounts. Every change that affects a session (role, organization, disabled, password) renews the security stamp, so open sessions of that account end.</summary>
public sealed class UserAdministration(GovInfoDbContext db, UserManager<PortalUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public const string OwnPasswordMessage = "不能在此重置自己的密码，请到“修改密码”页输入当前密码后修改。";

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.OrganizationId, OrganizationName = u.Organization == null ? null : u.Organization.Name,
                u.IsDisabled, u.LockoutEnd,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(u => new UserSummary(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Role, u.OrganizationId, u.OrganizationName,
            u.IsDisabled, u.LockoutEnd is { } end && end > now))];
    }

    public async Task<UserSummary?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(u => u.Id == id);

    public async Task<AdminResult> CreateAsync(NewUser input, CancellationToken cancellationToken = default)
    {
        var errors = await CheckAsync(input.DisplayName, input.Role, input.OrganizationId, cancellationToken);
        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        var user = new PortalUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            OrganizationId = PortalRoles.NeedsOrganization(input.Role) ? input.OrganizationId : null,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return Failed(created);
        }

        var role = await AssignRoleAsync(user, input.Role);
        if (!role.Succeeded)
        {
            return role;
        }

        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Success;
    }

    /// <summary>Changes the display name, role and organization of an account.</summary>
    public async Task<AdminResult> UpdateAsync(string id, string displayName, string role, int? organizationId, string actingUserId,
        CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AdminResult.Failed(null, "该账户不存在。");
        }

        var errors = await CheckAsync(displayName, role, organizationId, cancellationToken);
        if (id == actingUserId && role != PortalRoles.Admin)
        {
            errors.Add(new FieldError("Role", "不能取消自己的管理员角色。"));
        }

        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previousOrganization = user.OrganizationId;
        var previousRoles = await users.GetRolesAsync(user);
        user.DisplayName = displayName.Trim();
        user.OrganizationId = PortalRoles.NeedsOrganization(role) ? organizationId : null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Failed(updated);
        }

        var assigned = await AssignRoleAsync(user, role);
        if (!assigned.Succeeded)
        {
            return assigned;
        }

        // The account's sessions end (at their next request, SessionCheck) only when what it may do changes: a
        // new display name reaches them at their next validation without signing anyone out.
        if (previousOrganization != user.OrganizationId || previousRoles.Count != 1 || previousRoles[0] != role)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Success;
    }

    public async Task<AdminResult> SetDisabledAsync(string id, bool disabled, string actingUserId)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AdminResult.Failed(null, "该账户不存在。");
        }

        if (disabled && id == actingUserId)
        {
            return AdminResult.Failed(null, "不能停用自己的账户。");
        }

        // Enabling an enabled account (or disabling a disabled one) changes nothing and so ends no session: a repeated
        // or replayed form must not sign the account out (the admin's own form is posted again by scanners).
        if (user.IsDisabled == disabled)
        {
            return AdminResult.Success;
        }

        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return result.Succeeded ? AdminResult.Success : Failed(result);
    }

    /// <summary>
    /// Sets a new password chosen by the admin and lifts a lockout. Not for the admin's own account: changing
    /// one's own password asks for the current one (the password page), which a reset here would bypass.
    /// </summary>
    public async Task<AdminResult> ResetPasswordAsync(string id, string newPassword, string actingUserId)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AdminResult.Failed(null, "该账户不存在。");
        }

        if (id == actingUserId)
        {
            return AdminResult.Failed(null, OwnPasswordMessage);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return Failed(result, "NewPassword");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return AdminResult.Success;
    }

    private async Task<List<FieldError>> CheckAsync(string displayName, string role, int? organizationId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add(new FieldError("DisplayName", "请填写姓名。"));
        }
        else if (displayName.Trim().Length > PortalUser.DisplayNameMaxLength)
        {
            errors.Add(new FieldError("DisplayName", $"姓名不能超过 {PortalUser.DisplayNameMaxLength} 个字。"));
        }

        if (!PortalRoles.All.Contains(role))
        {
            errors.Add(new FieldError("Role", "请选择角色。"));
        }
        else if (PortalRoles.NeedsOrganization(role))
        {
            if (organizationId is not { } id)
            {
                errors.Add(new FieldError("OrganizationId", role == PortalRoles.Clerk ? "填报员须属于一个机关，请选择所属机关。" : "审核员须选择审核范围（所属机关及其下级）。"));
            }
            else if (!await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken))
            {
                errors.Add(new FieldError("OrganizationId", "所选机关不存在。"));
            }
        }

        return errors;
    }

    private async Task<AdminResult> AssignRoleAsync(PortalUser user, string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded)
            {
                return Failed(created);
            }
        }

        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role]))
        {
            return AdminResult.Success;
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return Failed(removed);
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? AdminResult.Success : Failed(added);
    }

    private static AdminResult Failed(IdentityResult result, string? passwordField = "Password") =>
        new([.. result.Errors.Select(e => new FieldError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : null, e.Description))]);
}
