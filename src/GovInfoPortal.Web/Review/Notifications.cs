using System.Security.Claims;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Totals;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Review;

/// <summary>
/// One notification: a step someone else took on a report the user works on, linking to <see cref="Page"/> (the Razor
/// page where the user works on it) for <see cref="ReportId"/>.
/// </summary>
public sealed record NotificationItem(long Id, string OrganizationName, int Year, string Action, string Description, string By, DateTime At, string Page,
    int ReportId, bool IsNew);

/// <summary>The user's notifications, newest first, and how many of them are new.</summary>
public sealed record NotificationList(IReadOnlyList<NotificationItem> Items, int NewCount);

/// <summary>
/// Notifications computed from the audit trail, nothing stored but how far each user has read: a clerk hears of
/// the returns, comments, approvals, publications and corrections of its organization's reports; a reviewer of
/// the submissions in its subtree. Steps the user took are not news to them.
/// </summary>
public sealed class Notifications(GovInfoDbContext db, ReviewScopes scopes, TimeProvider time)
{
    public const int Shown = 50;

    /// <summary>Where a clerk works on a report.</summary>
    public const string ClerkPage = "/Clerk/Reports/Edit";

    /// <summary>Where a reviewer works on a report.</summary>
    public const string ReviewerPage = "/Review/Reports/Review";

    private static readonly string[] ForClerks =
        [ReportActions.Returned, ReportActions.Commented, ReportActions.Approved, ReportActions.Published, ReportActions.CorrectionOpened];

    private static readonly string[] ForReviewers = [ReportActions.Submitted];

    public async Task<int> NewCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await EntriesAsync(user, cancellationToken) is not { } entries)
        {
            return 0;
        }

        var seen = await SeenUntilAsync(user.UserIdOf()!, cancellationToken);
        return await entries.CountAsync(a => a.At > seen, cancellationToken);
    }

    public async Task<NotificationList> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await EntriesAsync(user, cancellationToken) is not { } entries)
        {
            return new NotificationList([], 0);
        }

        var seen = await SeenUntilAsync(user.UserIdOf()!, cancellationToken);
        var newCount = await entries.CountAsync(a => a.At > seen, cancellationToken);
        var clerk = user.IsInRole(PortalRoles.Clerk);
        var items = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Shown)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { Entry = a, o.Name })
            .ToListAsync(cancellationToken);
        return new NotificationList(
            [
                .. items.Select(x => new NotificationItem(x.Entry.Id, x.Name, x.Entry.Year, ReportActions.DisplayName(x.Entry.Action), x.Entry.Description,
                    x.Entry.UserName, x.Entry.At, clerk ? ClerkPage : ReviewerPage, x.Entry.ReportId, x.Entry.At > seen)),
            ],
            newCount);
    }

    /// <summary>Marks everything up to now as read.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.UserIdOf() is not { } userId)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var state = await db.NotificationStates.FirstOrDefaultAsync(n => n.UserId == userId, cancellationToken);
        if (state is null)
        {
            db.NotificationStates.Add(new NotificationState(userId, now));
        }
        else
        {
            state.MarkSeen(now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Marked read in another window at the same moment: that mark stands.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<DateTime> SeenUntilAsync(string userId, CancellationToken cancellationToken) =>
        await db.NotificationStates.AsNoTracking().Where(n => n.UserId == userId).Select(n => (DateTime?)n.SeenUntil).FirstOrDefaultAsync(cancellationToken)
        ?? DateTime.MinValue;

    /// <summary>The audit entries that are news to this user, or null when the user gets no notifications.</summary>
    private async Task<IQueryable<AuditEntry>?> EntriesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserIdOf() is not { } userId || user.OrganizationIdOf() is not { } organizationId)
        {
            return null;
        }

        var entries = db.AuditEntries.AsNoTracking().Where(a => a.UserId != userId);
        if (user.IsInRole(PortalRoles.Clerk))
        {
            return entries.Where(a => a.OrganizationId == organizationId && ForClerks.Contains(a.Action));
        }

        if (user.IsInRole(PortalRoles.Reviewer) && await scopes.ForAsync(user, cancellationToken) is { RootPath: { } path })
        {
            var subtree = db.Organizations.InSubtree(path).Select(o => o.Id);
            return entries.Where(a => ForReviewers.Contains(a.Action) && subtree.Contains(a.OrganizationId));
        }

        return null;
    }
}
