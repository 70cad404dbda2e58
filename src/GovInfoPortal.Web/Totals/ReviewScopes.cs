using System.Security.Claims;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Totals;

/// <summary>An organization as the review pages name and place it.</summary>
public sealed record ScopeOrganization(int Id, string Name, string? Code, string Path, string? ParentName)
{
    /// <summary>Depth below the top of the tree (0 for a root), for indenting choices.</summary>
    public int Depth => Path.Count(c => c == Organization.PathSeparator) - 2;
}

/// <summary>What a user may review: everything (an admin), or the subtree under one organization (a reviewer).</summary>
public sealed record ReviewScope(int? RootId, string? RootPath)
{
    public static readonly ReviewScope Everything = new(null, null);

    public bool Covers(string path) => RootPath is null || path.StartsWith(RootPath, StringComparison.Ordinal);
}

/// <summary>
/// The subtree a reviewer works on, for the totals and export pages: a reviewer covers its organization and
/// everything under it, an admin covers every organization, and nobody else covers any.
/// </summary>
public sealed class ReviewScopes(GovInfoDbContext db)
{
    /// <summary>Most organizations offered as a choice of subtree (those with bodies under them).</summary>
    public const int MaxChoices = 500;

    /// <summary>The user's scope, or null when the user reviews nothing (a clerk, a reviewer without organization).</summary>
    public async Task<ReviewScope?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (user.IsInRole(PortalRoles.Admin))
        {
            return ReviewScope.Everything;
        }

        if (user.IsInRole(PortalRoles.Reviewer) && user.OrganizationIdOf() is { } id &&
            await Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken) is { } path)
        {
            return new ReviewScope(id, path);
        }

        return null;
    }

    public Task<ScopeOrganization?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Project(Organizations.Where(o => o.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The organization a page opens on: the reviewer's own, or for an admin the first top-level one.</summary>
    public Task<ScopeOrganization?> DefaultAsync(ReviewScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var organizations = scope.RootId is { } root
            ? Organizations.Where(o => o.Id == root)
            : Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Path);
        return Project(organizations).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The subtrees the user may pick: the scope's root and, under it, every organization with bodies under it.</summary>
    public async Task<IReadOnlyList<ScopeOrganization>> ChoicesAsync(ReviewScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var organizations = scope.RootPath is { } rootPath ? Organizations.InSubtree(rootPath) : Organizations;
        return await Project(organizations
                .Where(o => o.Id == scope.RootId || Organizations.Any(c => c.ParentId == o.Id))
                .OrderBy(o => o.Path)
                .Take(MaxChoices))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<Organization> Organizations => db.Organizations.AsNoTracking();

    private static IQueryable<ScopeOrganization> Project(IQueryable<Organization> organizations) =>
        organizations.Select(o => new ScopeOrganization(o.Id, o.Name, o.Code, o.Path, o.Parent == null ? null : o.Parent.Name));
}
