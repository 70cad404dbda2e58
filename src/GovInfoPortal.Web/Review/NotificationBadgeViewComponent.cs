using Microsoft.AspNetCore.Mvc;

namespace GovInfoPortal.Web.Review;

/// <summary>The header's link to the notifications, with the number of unread ones.</summary>
public sealed class NotificationBadgeViewComponent(Notifications notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await notifications.NewCountAsync(UserClaimsPrincipal, HttpContext.RequestAborted));
}
