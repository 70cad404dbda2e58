using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Web.Accounts;

namespace GovInfoPortal.Web.Review;

/// <summary>The audit trail's actor in the portal: the signed-in user of the request, else the system (start-up, background work).</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Actor Actor =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user && user.UserIdOf() is { } id
            ? new Actor(id, user.DisplayNameOf())
            : Actor.System;
}
