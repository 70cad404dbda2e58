using System.Security.Claims;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Accounts;

/// <summary>What a user may do with one report.</summary>
/// <param name="Read">See it, drafts included (preview).</param>
/// <param name="Edit">Change its content, import into it and submit it: the clerks of its organization, while it is a draft or returned.</param>
public sealed record ReportPermissions(bool Read, bool Edit)
{
    public static readonly ReportPermissions None = new(false, false);
}

/// <summary>
/// The one place that answers "may this user read / edit / submit this report". A clerk reads and edits the
/// reports of its own organization (edits only while they are editable); a reviewer reads the reports of
/// its subtree (reviewing comes with the review pages); an admin reads every report. Anonymous users get
/// nothing here: the public pages show published reports through their own query.
/// </summary>
public sealed class ReportAccess(GovInfoDbContext db)
{
    /// <summary>The permissions on a report whose <see cref="AnnualReport.Organization"/> is loaded.</summary>
    public async Task<ReportPermissions> ForAsync(ClaimsPrincipal user, AnnualReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (user.Identity?.IsAuthenticated != true)
        {
            return ReportPermissions.None;
        }

        var organizationId = user.OrganizationIdOf();
        if (user.IsInRole(PortalRoles.Clerk) && organizationId == report.OrganizationId)
        {
            return new ReportPermissions(Read: true, Edit: report.UnderReview.IsEditable);
        }

        if (user.IsInRole(PortalRoles.Admin))
        {
            return new ReportPermissions(Read: true, Edit: false);
        }

        if (user.IsInRole(PortalRoles.Reviewer) && organizationId is { } scopeId &&
            await ScopePathAsync(scopeId, cancellationToken) is { } scope &&
            report.Organization.Path.StartsWith(scope, StringComparison.Ordinal))
        {
            return new ReportPermissions(Read: true, Edit: false);
        }

        return ReportPermissions.None;
    }

    private Task<string?> ScopePathAsync(int organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => (string?)o.Path).FirstOrDefaultAsync(cancellationToken);
}
