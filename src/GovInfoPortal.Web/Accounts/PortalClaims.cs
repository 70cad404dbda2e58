using System.Security.Claims;
using GovInfoPortal.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Accounts;

/// <summary>What the sign-in cookie carries beyond Identity's claims: the user's organization and display name.</summary>
public static class PortalClaims
{
    public const string OrganizationId = "govinfo:organization";
    public const string DisplayName = "govinfo:display-name";

    /// <summary>The organization the user belongs to (a clerk's body, a reviewer's scope), or null.</summary>
    public static int? OrganizationIdOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(OrganizationId), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? string.Empty;

    public static string? UserIdOf(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}

/// <summary>Adds <see cref="PortalClaims"/> to the principal Identity builds at sign-in and at each security-stamp check.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.OrganizationId is { } organizationId)
        {
            identity.AddClaim(new Claim(PortalClaims.OrganizationId, organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
