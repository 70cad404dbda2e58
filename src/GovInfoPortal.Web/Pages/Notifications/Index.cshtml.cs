using GovInfoPortal.Web.Review;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications: returns and comments for clerks, new submissions for reviewers.</summary>
[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class IndexModel(Web.Review.Notifications notifications) : PageModel
{
    public NotificationList List { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await notifications.ListAsync(User, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        await notifications.MarkReadAsync(User, cancellationToken);
        TempData["Status"] = "所有通知已标为已读。";
        return RedirectToPage("/Notifications/Index");
    }
}
